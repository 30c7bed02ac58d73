/**
 * Goods the demo's trucks carry: HS 2022 subheadings from the chapters central to the 2025 backlog (61, 62 clothing,
 * 64 footwear, 84, 85 electronics) and some the corridor also carries, with value per kilogram and packing that
 * keep an invoice plausible. Values are rough customs-value ranges in US dollars, for demo data only.
 */
import type { CountryCode } from '../model/parties.js';

export interface CatalogueItem {
  /** HS 2022 subheading, 6 digits. */
  hsCode: string;
  description: string;
  /** Plausible customs value, USD per kg gross. */
  usdPerKg: readonly [number, number];
  /** Gross kg in one package (carton, pallet, crate). */
  kgPerPackage: number;
  /** Typical gross kg of one goods line on a truck. */
  typicalLineKg: number;
  /** Where such goods come from on this corridor. */
  origins: readonly CountryCode[];
}

export const GOODS_CATALOGUE: readonly CatalogueItem[] = [
  // Chapter 61: knitted or crocheted apparel
  { hsCode: '610910', description: 'T-shirts and singlets of cotton, knitted', usdPerKg: [7, 14], kgPerPackage: 12, typicalLineKg: 2500, origins: ['CN', 'KG', 'TR', 'UZ'] },
  { hsCode: '611020', description: 'Jerseys, pullovers and cardigans of cotton, knitted', usdPerKg: [9, 18], kgPerPackage: 14, typicalLineKg: 2000, origins: ['CN', 'KG', 'TR', 'UZ'] },
  { hsCode: '611030', description: 'Jerseys and pullovers of man-made fibres, knitted', usdPerKg: [8, 16], kgPerPackage: 14, typicalLineKg: 2000, origins: ['CN', 'KG', 'TR'] },
  { hsCode: '610462', description: "Women's trousers of cotton, knitted", usdPerKg: [8, 15], kgPerPackage: 15, typicalLineKg: 1500, origins: ['CN', 'KG', 'TR'] },
  { hsCode: '611596', description: 'Socks of synthetic fibres, knitted', usdPerKg: [6, 12], kgPerPackage: 15, typicalLineKg: 1000, origins: ['CN', 'TR', 'UZ'] },
  { hsCode: '611120', description: "Babies' garments of cotton, knitted", usdPerKg: [10, 20], kgPerPackage: 10, typicalLineKg: 800, origins: ['CN', 'TR', 'UZ'] },
  // Chapter 62: apparel, not knitted
  { hsCode: '620342', description: "Men's trousers and jeans of cotton", usdPerKg: [8, 16], kgPerPackage: 18, typicalLineKg: 2500, origins: ['CN', 'KG', 'TR'] },
  { hsCode: '620462', description: "Women's trousers and jeans of cotton", usdPerKg: [8, 16], kgPerPackage: 18, typicalLineKg: 2000, origins: ['CN', 'KG', 'TR'] },
  { hsCode: '620343', description: "Men's trousers of synthetic fibres", usdPerKg: [7, 14], kgPerPackage: 18, typicalLineKg: 1500, origins: ['CN', 'KG'] },
  { hsCode: '620520', description: "Men's shirts of cotton", usdPerKg: [10, 20], kgPerPackage: 12, typicalLineKg: 1200, origins: ['CN', 'KG', 'TR', 'UZ'] },
  { hsCode: '620630', description: "Women's blouses and shirts of cotton", usdPerKg: [10, 20], kgPerPackage: 12, typicalLineKg: 1200, origins: ['CN', 'KG', 'TR'] },
  // Chapter 64: footwear
  { hsCode: '640411', description: 'Sports footwear, textile uppers, rubber or plastic soles', usdPerKg: [8, 18], kgPerPackage: 12, typicalLineKg: 2500, origins: ['CN', 'TR'] },
  { hsCode: '640299', description: 'Footwear with rubber or plastic soles and uppers', usdPerKg: [5, 10], kgPerPackage: 14, typicalLineKg: 2500, origins: ['CN', 'TR'] },
  { hsCode: '640399', description: 'Footwear with leather uppers', usdPerKg: [15, 35], kgPerPackage: 12, typicalLineKg: 1500, origins: ['CN', 'TR'] },
  { hsCode: '640391', description: 'Boots covering the ankle, leather uppers', usdPerKg: [18, 40], kgPerPackage: 14, typicalLineKg: 1200, origins: ['CN', 'TR'] },
  // Chapter 84: machines and computers
  { hsCode: '847130', description: 'Portable computers (laptops), not over 10 kg', usdPerKg: [120, 260], kgPerPackage: 15, typicalLineKg: 600, origins: ['CN'] },
  { hsCode: '847160', description: 'Keyboards, mice and other computer input or output units', usdPerKg: [15, 40], kgPerPackage: 10, typicalLineKg: 500, origins: ['CN'] },
  { hsCode: '845011', description: 'Fully automatic washing machines, up to 10 kg dry linen', usdPerKg: [3, 5], kgPerPackage: 70, typicalLineKg: 4000, origins: ['CN', 'TR'] },
  { hsCode: '841810', description: 'Combined refrigerator-freezers with separate doors', usdPerKg: [3, 5], kgPerPackage: 75, typicalLineKg: 4500, origins: ['CN', 'TR'] },
  { hsCode: '841510', description: 'Air conditioners, wall or window type, split systems', usdPerKg: [5, 9], kgPerPackage: 45, typicalLineKg: 3000, origins: ['CN'] },
  { hsCode: '846721', description: 'Electric hand drills', usdPerKg: [8, 16], kgPerPackage: 20, typicalLineKg: 800, origins: ['CN'] },
  // Chapter 85: electrical and electronic equipment
  { hsCode: '851713', description: 'Smartphones', usdPerKg: [250, 700], kgPerPackage: 12, typicalLineKg: 250, origins: ['CN'] },
  { hsCode: '852872', description: 'Colour television receivers', usdPerKg: [15, 30], kgPerPackage: 22, typicalLineKg: 3000, origins: ['CN', 'TR'] },
  { hsCode: '851830', description: 'Headphones and earphones', usdPerKg: [40, 110], kgPerPackage: 10, typicalLineKg: 300, origins: ['CN'] },
  { hsCode: '850760', description: 'Lithium-ion accumulators', usdPerKg: [20, 45], kgPerPackage: 25, typicalLineKg: 800, origins: ['CN'] },
  { hsCode: '850440', description: 'Static converters (power adapters, chargers)', usdPerKg: [20, 40], kgPerPackage: 15, typicalLineKg: 500, origins: ['CN'] },
  { hsCode: '851650', description: 'Microwave ovens', usdPerKg: [4, 7], kgPerPackage: 15, typicalLineKg: 2500, origins: ['CN', 'TR'] },
  { hsCode: '853952', description: 'LED lamps', usdPerKg: [8, 15], kgPerPackage: 12, typicalLineKg: 1000, origins: ['CN'] },
  // Others the corridor carries
  { hsCode: '950300', description: 'Toys, scale models and puzzles', usdPerKg: [4, 9], kgPerPackage: 10, typicalLineKg: 2000, origins: ['CN'] },
  { hsCode: '392690', description: 'Articles of plastics, household and office', usdPerKg: [3, 6], kgPerPackage: 15, typicalLineKg: 3000, origins: ['CN', 'TR', 'KZ'] },
  { hsCode: '420292', description: 'Bags with outer surface of textile or plastic sheeting', usdPerKg: [6, 12], kgPerPackage: 15, typicalLineKg: 1500, origins: ['CN', 'TR'] },
  { hsCode: '940360', description: 'Wooden furniture', usdPerKg: [2, 4], kgPerPackage: 40, typicalLineKg: 5000, origins: ['CN', 'TR', 'KZ'] },
  { hsCode: '690721', description: 'Ceramic floor and wall tiles', usdPerKg: [0.3, 0.6], kgPerPackage: 900, typicalLineKg: 18000, origins: ['TR', 'UZ'] },
  { hsCode: '520812', description: 'Woven fabrics of cotton, unbleached, plain weave, over 100 g/m2', usdPerKg: [3, 6], kgPerPackage: 80, typicalLineKg: 6000, origins: ['UZ', 'TR'] },
  { hsCode: '401110', description: 'New pneumatic tyres for cars', usdPerKg: [3, 5], kgPerPackage: 9, typicalLineKg: 5000, origins: ['CN', 'TR'] },
  { hsCode: '870899', description: 'Parts of motor vehicles', usdPerKg: [5, 12], kgPerPackage: 25, typicalLineKg: 2000, origins: ['CN', 'TR', 'KZ'] },
  { hsCode: '080810', description: 'Fresh apples', usdPerKg: [0.4, 0.8], kgPerPackage: 18, typicalLineKg: 18000, origins: ['KG', 'UZ', 'KZ'] },
  { hsCode: '070200', description: 'Fresh tomatoes', usdPerKg: [0.5, 1.2], kgPerPackage: 10, typicalLineKg: 16000, origins: ['UZ', 'KG'] },
  { hsCode: '080620', description: 'Dried grapes (raisins)', usdPerKg: [1.5, 3], kgPerPackage: 10, typicalLineKg: 15000, origins: ['UZ'] },
];

/** The catalogue lines a consignor of `country` plausibly ships. */
export function catalogueFor(country: CountryCode): CatalogueItem[] {
  return GOODS_CATALOGUE.filter((item) => item.origins.includes(country));
}
