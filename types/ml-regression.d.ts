// ml-regression ships no type declarations; this covers the part poregrade uses.
declare module 'ml-regression' {
  export class SimpleLinearRegression {
    constructor(x: ArrayLike<number>, y: ArrayLike<number>);
    slope: number;
    intercept: number;
    predict(x: number): number;
    score(x: ArrayLike<number>, y: ArrayLike<number>): { r: number; r2: number; chi2: number; rmsd: number };
  }
}
