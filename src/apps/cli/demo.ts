/**
 * The demo world of `serve --demo`: the real crossings of the Russia–Kazakhstan and Kazakhstan–Kyrgyzstan
 * borders, customs offices along the corridor, seal devices, and a few hundred declarations imported
 * through the same path as a real backlog. Seeded, so every demo shows the same world; seeding again adds
 * nothing that is there already.
 */
import { BORDER_CROSSINGS, CUSTOMS_OFFICES } from '../../core/reference/index.js';
import { CONSOLE_USER, type Platform } from '../platform.js';

export async function seedDemo(platform: Platform): Promise<void> {
  for (const office of CUSTOMS_OFFICES) await platform.reference.put(CONSOLE_USER, 'offices', office);
  for (const crossing of BORDER_CROSSINGS) await platform.reference.put(CONSOLE_USER, 'crossings', crossing);
}
