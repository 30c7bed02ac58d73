/**
 * A reason a piece of input is not acceptable: a stable machine code, the path of the field it concerns
 * (dot and index notation, such as `goods[2].hsCode`), and a sentence for a person.
 */
export interface Issue {
  code: string;
  path: string;
  message: string;
}
