/** Complex matrices as a pair of real ml-matrix matrices (re, im), for the eigen forms of Eqs. 17–23. */
import { Matrix } from 'ml-matrix';

export interface ComplexMatrix {
  re: Matrix;
  im: Matrix;
}

export function complexFromReal(a: Matrix): ComplexMatrix {
  return { re: a.clone(), im: Matrix.zeros(a.rows, a.columns) };
}

/** (A + iB)(C + iD) = (AC − BD) + i(AD + BC). */
export function complexMul(a: ComplexMatrix, b: ComplexMatrix): ComplexMatrix {
  return {
    re: Matrix.sub(a.re.mmul(b.re), a.im.mmul(b.im)),
    im: Matrix.add(a.re.mmul(b.im), a.im.mmul(b.re)),
  };
}

/** Conjugate transpose Aᴴ. */
export function conjugateTranspose(a: ComplexMatrix): ComplexMatrix {
  return { re: a.re.transpose(), im: a.im.transpose().mul(-1) };
}

/** Entrywise |a_jk|². */
export function absSquared(a: ComplexMatrix): Matrix {
  const out = new Matrix(a.re.rows, a.re.columns);
  for (let i = 0; i < a.re.rows; i++) {
    for (let j = 0; j < a.re.columns; j++) out.set(i, j, a.re.get(i, j) ** 2 + a.im.get(i, j) ** 2);
  }
  return out;
}

/** Diagonal complex matrix from eigenvalues (re[k] + i im[k]) raised to the power p. */
export function complexDiagonalPower(re: number[], im: number[], p: number): ComplexMatrix {
  const n = re.length;
  const out: ComplexMatrix = { re: Matrix.zeros(n, n), im: Matrix.zeros(n, n) };
  for (let k = 0; k < n; k++) {
    const r = Math.hypot(re[k], im[k]);
    const theta = Math.atan2(im[k], re[k]);
    const mag = p === 0 ? 1 : r ** p;
    out.re.set(k, k, mag * Math.cos(p * theta));
    out.im.set(k, k, mag * Math.sin(p * theta));
  }
  return out;
}

/** Complex trace. */
export function complexTrace(a: ComplexMatrix): { re: number; im: number } {
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.re.rows; i++) {
    re += a.re.get(i, i);
    im += a.im.get(i, i);
  }
  return { re, im };
}
