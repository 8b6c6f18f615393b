;; The fused engine's inner loops in WebAssembly with 128-bit SIMD (two float64 lanes): the small
;; matrix products of the bilinear maps and the four passes over the MatNTM memory. Every pointer is
;; a byte address in the imported memory, every stride and size a count of float64 values.
;; Built into kernels-wasm.ts by scripts/build-wasm.mjs (wabt); the engine's JavaScript side,
;; kernels.ts, documents each function's meaning and is the only caller.
(module
  (import "env" "memory" (memory 1))

  ;; horizontal sum of the two lanes
  (func $hsum (param $v v128) (result f64)
    (f64.add (f64x2.extract_lane 0 (local.get $v)) (f64x2.extract_lane 1 (local.get $v))))

  ;; C[n×m] (+)= A·B: A's entry (i, p) at A + 8·(i·ais + p·aps), B row-major [k×m], C row-major [n×m].
  ;; Two rows of C and four terms of the sum per pass over a pair of columns.
  (func (export "gemm") (param $A i32) (param $ais i32) (param $aps i32) (param $B i32) (param $C i32)
      (param $n i32) (param $k i32) (param $m i32) (param $acc i32)
    (local $i i32) (local $p i32) (local $o i32) (local $mb i32) (local $m2b i32) (local $k4 i32)
    (local $sb i32) (local $rb i32) (local $ai i32) (local $aj i32) (local $ci i32) (local $cj i32)
    (local $a i32) (local $b0 i32) (local $b1 i32) (local $b2 i32) (local $b3 i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $y0 v128) (local $y1 v128) (local $y2 v128) (local $y3 v128)
    (local $u0 v128) (local $u1 v128) (local $u2 v128) (local $u3 v128)
    (local.set $mb (i32.shl (local.get $m) (i32.const 3)))
    (local.set $m2b (i32.shl (i32.and (local.get $m) (i32.const -2)) (i32.const 3)))
    (local.set $k4 (i32.and (local.get $k) (i32.const -4)))
    (local.set $sb (i32.shl (local.get $aps) (i32.const 3)))
    (local.set $rb (i32.shl (local.get $ais) (i32.const 3)))
    (if (i32.eqz (local.get $acc))
      (then (memory.fill (local.get $C) (i32.const 0) (i32.mul (local.get $n) (local.get $mb)))))
    (local.set $i (i32.const 0))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_s (i32.add (local.get $i) (i32.const 1)) (local.get $n)))
        (local.set $ai (i32.add (local.get $A) (i32.mul (local.get $i) (local.get $rb))))
        (local.set $aj (i32.add (local.get $ai) (local.get $rb)))
        (local.set $ci (i32.add (local.get $C) (i32.mul (local.get $i) (local.get $mb))))
        (local.set $cj (i32.add (local.get $ci) (local.get $mb)))
        (local.set $p (i32.const 0))
        (block $quads_done
          (loop $quads
            (br_if $quads_done (i32.ge_s (local.get $p) (local.get $k4)))
            (local.set $a (i32.add (local.get $ai) (i32.mul (local.get $p) (local.get $sb))))
            (local.set $x0 (v128.load64_splat (local.get $a)))
            (local.set $x1 (v128.load64_splat (i32.add (local.get $a) (local.get $sb))))
            (local.set $x2 (v128.load64_splat (i32.add (local.get $a) (i32.shl (local.get $sb) (i32.const 1)))))
            (local.set $x3 (v128.load64_splat (i32.add (local.get $a) (i32.mul (local.get $sb) (i32.const 3)))))
            (local.set $a (i32.add (local.get $aj) (i32.mul (local.get $p) (local.get $sb))))
            (local.set $y0 (v128.load64_splat (local.get $a)))
            (local.set $y1 (v128.load64_splat (i32.add (local.get $a) (local.get $sb))))
            (local.set $y2 (v128.load64_splat (i32.add (local.get $a) (i32.shl (local.get $sb) (i32.const 1)))))
            (local.set $y3 (v128.load64_splat (i32.add (local.get $a) (i32.mul (local.get $sb) (i32.const 3)))))
            (local.set $b0 (i32.add (local.get $B) (i32.mul (local.get $p) (local.get $mb))))
            (local.set $b1 (i32.add (local.get $b0) (local.get $mb)))
            (local.set $b2 (i32.add (local.get $b1) (local.get $mb)))
            (local.set $b3 (i32.add (local.get $b2) (local.get $mb)))
            (local.set $o (i32.const 0))
            (block $cols_done
              (loop $cols
                (br_if $cols_done (i32.ge_s (local.get $o) (local.get $m2b)))
                (local.set $u0 (v128.load (i32.add (local.get $b0) (local.get $o))))
                (local.set $u1 (v128.load (i32.add (local.get $b1) (local.get $o))))
                (local.set $u2 (v128.load (i32.add (local.get $b2) (local.get $o))))
                (local.set $u3 (v128.load (i32.add (local.get $b3) (local.get $o))))
                (v128.store (i32.add (local.get $ci) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $ci) (local.get $o)))
                    (f64x2.add
                      (f64x2.add (f64x2.mul (local.get $x0) (local.get $u0)) (f64x2.mul (local.get $x1) (local.get $u1)))
                      (f64x2.add (f64x2.mul (local.get $x2) (local.get $u2)) (f64x2.mul (local.get $x3) (local.get $u3))))))
                (v128.store (i32.add (local.get $cj) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $cj) (local.get $o)))
                    (f64x2.add
                      (f64x2.add (f64x2.mul (local.get $y0) (local.get $u0)) (f64x2.mul (local.get $y1) (local.get $u1)))
                      (f64x2.add (f64x2.mul (local.get $y2) (local.get $u2)) (f64x2.mul (local.get $y3) (local.get $u3))))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $cols)))
            ;; an odd last column
            (if (i32.lt_s (local.get $o) (local.get $mb))
              (then
                (local.set $u0 (v128.load64_zero (i32.add (local.get $b0) (local.get $o))))
                (local.set $u1 (v128.load64_zero (i32.add (local.get $b1) (local.get $o))))
                (local.set $u2 (v128.load64_zero (i32.add (local.get $b2) (local.get $o))))
                (local.set $u3 (v128.load64_zero (i32.add (local.get $b3) (local.get $o))))
                (f64.store (i32.add (local.get $ci) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $ci) (local.get $o)))
                    (f64x2.extract_lane 0
                      (f64x2.add
                        (f64x2.add (f64x2.mul (local.get $x0) (local.get $u0)) (f64x2.mul (local.get $x1) (local.get $u1)))
                        (f64x2.add (f64x2.mul (local.get $x2) (local.get $u2)) (f64x2.mul (local.get $x3) (local.get $u3)))))))
                (f64.store (i32.add (local.get $cj) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $cj) (local.get $o)))
                    (f64x2.extract_lane 0
                      (f64x2.add
                        (f64x2.add (f64x2.mul (local.get $y0) (local.get $u0)) (f64x2.mul (local.get $y1) (local.get $u1)))
                        (f64x2.add (f64x2.mul (local.get $y2) (local.get $u2)) (f64x2.mul (local.get $y3) (local.get $u3)))))))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $quads)))
        ;; the last one to three terms, one at a time
        (block $tail_done
          (loop $tail
            (br_if $tail_done (i32.ge_s (local.get $p) (local.get $k)))
            (local.set $x0 (v128.load64_splat (i32.add (local.get $ai) (i32.mul (local.get $p) (local.get $sb)))))
            (local.set $y0 (v128.load64_splat (i32.add (local.get $aj) (i32.mul (local.get $p) (local.get $sb)))))
            (local.set $b0 (i32.add (local.get $B) (i32.mul (local.get $p) (local.get $mb))))
            (local.set $o (i32.const 0))
            (block $tcols_done
              (loop $tcols
                (br_if $tcols_done (i32.ge_s (local.get $o) (local.get $m2b)))
                (local.set $u0 (v128.load (i32.add (local.get $b0) (local.get $o))))
                (v128.store (i32.add (local.get $ci) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $ci) (local.get $o))) (f64x2.mul (local.get $x0) (local.get $u0))))
                (v128.store (i32.add (local.get $cj) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $cj) (local.get $o))) (f64x2.mul (local.get $y0) (local.get $u0))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $tcols)))
            (if (i32.lt_s (local.get $o) (local.get $mb))
              (then
                (f64.store (i32.add (local.get $ci) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $ci) (local.get $o)))
                    (f64.mul (f64x2.extract_lane 0 (local.get $x0)) (f64.load (i32.add (local.get $b0) (local.get $o))))))
                (f64.store (i32.add (local.get $cj) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $cj) (local.get $o)))
                    (f64.mul (f64x2.extract_lane 0 (local.get $y0)) (f64.load (i32.add (local.get $b0) (local.get $o))))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $tail)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    ;; an odd last row, one term at a time
    (if (i32.lt_s (local.get $i) (local.get $n))
      (then
        (local.set $ai (i32.add (local.get $A) (i32.mul (local.get $i) (local.get $rb))))
        (local.set $ci (i32.add (local.get $C) (i32.mul (local.get $i) (local.get $mb))))
        (local.set $p (i32.const 0))
        (block $rtail_done
          (loop $rtail
            (br_if $rtail_done (i32.ge_s (local.get $p) (local.get $k)))
            (local.set $x0 (v128.load64_splat (i32.add (local.get $ai) (i32.mul (local.get $p) (local.get $sb)))))
            (local.set $b0 (i32.add (local.get $B) (i32.mul (local.get $p) (local.get $mb))))
            (local.set $o (i32.const 0))
            (block $rcols_done
              (loop $rcols
                (br_if $rcols_done (i32.ge_s (local.get $o) (local.get $m2b)))
                (v128.store (i32.add (local.get $ci) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $ci) (local.get $o)))
                    (f64x2.mul (local.get $x0) (v128.load (i32.add (local.get $b0) (local.get $o))))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $rcols)))
            (if (i32.lt_s (local.get $o) (local.get $mb))
              (then
                (f64.store (i32.add (local.get $ci) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $ci) (local.get $o)))
                    (f64.mul (f64x2.extract_lane 0 (local.get $x0)) (f64.load (i32.add (local.get $b0) (local.get $o))))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $rtail))))))

  ;; s = Σ_p A[a + 8p]·B[b + 8p] over p < k, in lane pairs, then an odd last term
  (func $dot (param $a i32) (param $b i32) (param $k i32) (result f64)
    (local $o i32) (local $kb i32) (local $k2b i32) (local $s v128) (local $r f64)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $k2b (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3)))
    (local.set $s (v128.const f64x2 0 0))
    (local.set $o (i32.const 0))
    (block $done
      (loop $l
        (br_if $done (i32.ge_s (local.get $o) (local.get $k2b)))
        (local.set $s (f64x2.add (local.get $s)
          (f64x2.mul (v128.load (i32.add (local.get $a) (local.get $o))) (v128.load (i32.add (local.get $b) (local.get $o))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $l)))
    (local.set $r (call $hsum (local.get $s)))
    (if (i32.lt_s (local.get $o) (local.get $kb))
      (then (local.set $r (f64.add (local.get $r)
        (f64.mul (f64.load (i32.add (local.get $a) (local.get $o))) (f64.load (i32.add (local.get $b) (local.get $o))))))))
    (local.get $r))

  ;; C[n×m] += A·Bᵀ with A [n×k], B [m×k] row-major: dot products, two columns of C per pass over a row of A
  (func (export "mmTB") (param $A i32) (param $B i32) (param $C i32) (param $n i32) (param $k i32) (param $m i32)
    (local $i i32) (local $j i32) (local $o i32) (local $kb i32) (local $k2b i32)
    (local $ai i32) (local $ci i32) (local $b0 i32) (local $b1 i32) (local $a v128) (local $s0 v128) (local $s1 v128) (local $x f64)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $k2b (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3)))
    (local.set $i (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $ai (i32.add (local.get $A) (i32.mul (local.get $i) (local.get $kb))))
        (local.set $ci (i32.add (local.get $C) (i32.shl (i32.mul (local.get $i) (local.get $m)) (i32.const 3))))
        (local.set $j (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_s (i32.add (local.get $j) (i32.const 1)) (local.get $m)))
            (local.set $b0 (i32.add (local.get $B) (i32.mul (local.get $j) (local.get $kb))))
            (local.set $b1 (i32.add (local.get $b0) (local.get $kb)))
            (local.set $s0 (v128.const f64x2 0 0))
            (local.set $s1 (v128.const f64x2 0 0))
            (local.set $o (i32.const 0))
            (block $in_done
              (loop $in
                (br_if $in_done (i32.ge_s (local.get $o) (local.get $k2b)))
                (local.set $a (v128.load (i32.add (local.get $ai) (local.get $o))))
                (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $a) (v128.load (i32.add (local.get $b0) (local.get $o))))))
                (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $a) (v128.load (i32.add (local.get $b1) (local.get $o))))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $in)))
            (if (i32.lt_s (local.get $o) (local.get $kb))
              (then
                (local.set $a (v128.load64_zero (i32.add (local.get $ai) (local.get $o))))
                (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $a) (v128.load64_zero (i32.add (local.get $b0) (local.get $o))))))
                (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $a) (v128.load64_zero (i32.add (local.get $b1) (local.get $o))))))))
            (local.set $o (i32.add (local.get $ci) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (call $hsum (local.get $s0))))
            (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (call $hsum (local.get $s1))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $cols)))
        (if (i32.lt_s (local.get $j) (local.get $m))
          (then
            (local.set $o (i32.add (local.get $ci) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $o) (f64.add (f64.load (local.get $o))
              (call $dot (local.get $ai) (i32.add (local.get $B) (i32.mul (local.get $j) (local.get $kb))) (local.get $k))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; Content statistics of the memory M (N slots of S values): d0[j] = ⟨M_j, k0⟩, d1[j] = ⟨M_j, k1⟩ and,
  ;; when $norms, nM[j] = ‖M_j‖.
  (func (export "memStats") (param $M i32) (param $N i32) (param $S i32) (param $k0 i32) (param $k1 i32)
      (param $nM i32) (param $d0 i32) (param $d1 i32) (param $norms i32)
    (local $j i32) (local $o i32) (local $sb i32) (local $s2b i32) (local $mj i32) (local $jb i32)
    (local $m v128) (local $s v128) (local $a v128) (local $b v128)
    (local.set $sb (i32.shl (local.get $S) (i32.const 3)))
    (local.set $s2b (i32.shl (i32.and (local.get $S) (i32.const -2)) (i32.const 3)))
    (local.set $j (i32.const 0))
    (block $slots_done
      (loop $slots
        (br_if $slots_done (i32.ge_s (local.get $j) (local.get $N)))
        (local.set $mj (i32.add (local.get $M) (i32.mul (local.get $j) (local.get $sb))))
        (local.set $s (v128.const f64x2 0 0))
        (local.set $a (v128.const f64x2 0 0))
        (local.set $b (v128.const f64x2 0 0))
        (local.set $o (i32.const 0))
        (block $e_done
          (loop $e
            (br_if $e_done (i32.ge_s (local.get $o) (local.get $s2b)))
            (local.set $m (v128.load (i32.add (local.get $mj) (local.get $o))))
            (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $m) (local.get $m))))
            (local.set $a (f64x2.add (local.get $a) (f64x2.mul (local.get $m) (v128.load (i32.add (local.get $k0) (local.get $o))))))
            (local.set $b (f64x2.add (local.get $b) (f64x2.mul (local.get $m) (v128.load (i32.add (local.get $k1) (local.get $o))))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (br $e)))
        (if (i32.lt_s (local.get $o) (local.get $sb))
          (then
            (local.set $m (v128.load64_zero (i32.add (local.get $mj) (local.get $o))))
            (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $m) (local.get $m))))
            (local.set $a (f64x2.add (local.get $a) (f64x2.mul (local.get $m) (v128.load64_zero (i32.add (local.get $k0) (local.get $o))))))
            (local.set $b (f64x2.add (local.get $b) (f64x2.mul (local.get $m) (v128.load64_zero (i32.add (local.get $k1) (local.get $o))))))))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (if (local.get $norms)
          (then (f64.store (i32.add (local.get $nM) (local.get $jb)) (f64.sqrt (call $hsum (local.get $s))))))
        (f64.store (i32.add (local.get $d0) (local.get $jb)) (call $hsum (local.get $a)))
        (f64.store (i32.add (local.get $d1) (local.get $jb)) (call $hsum (local.get $b)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $slots))))

  ;; Write then read: Mn_j = Mp_j ⊙ (1 − ww_j·E) + ww_j·A, R = Σ_j wr_j·Mn_j, and nM[j] = ‖Mn_j‖ unless $nM is 0.
  (func (export "memWriteRead") (param $Mp i32) (param $Mn i32) (param $N i32) (param $S i32) (param $ww i32) (param $wr i32)
      (param $A i32) (param $E i32) (param $R i32) (param $nM i32)
    (local $j i32) (local $o i32) (local $sb i32) (local $s2b i32) (local $pj i32) (local $nj i32)
    (local $w v128) (local $r v128) (local $v v128) (local $s v128) (local $one v128)
    (local.set $sb (i32.shl (local.get $S) (i32.const 3)))
    (local.set $s2b (i32.shl (i32.and (local.get $S) (i32.const -2)) (i32.const 3)))
    (local.set $one (v128.const f64x2 1 1))
    (memory.fill (local.get $R) (i32.const 0) (local.get $sb))
    (local.set $j (i32.const 0))
    (block $slots_done
      (loop $slots
        (br_if $slots_done (i32.ge_s (local.get $j) (local.get $N)))
        (local.set $pj (i32.add (local.get $Mp) (i32.mul (local.get $j) (local.get $sb))))
        (local.set $nj (i32.add (local.get $Mn) (i32.mul (local.get $j) (local.get $sb))))
        (local.set $w (v128.load64_splat (i32.add (local.get $ww) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $r (v128.load64_splat (i32.add (local.get $wr) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $s (v128.const f64x2 0 0))
        (local.set $o (i32.const 0))
        (block $e_done
          (loop $e
            (br_if $e_done (i32.ge_s (local.get $o) (local.get $s2b)))
            (local.set $v (f64x2.add
              (f64x2.mul (v128.load (i32.add (local.get $pj) (local.get $o)))
                (f64x2.sub (local.get $one) (f64x2.mul (local.get $w) (v128.load (i32.add (local.get $E) (local.get $o))))))
              (f64x2.mul (local.get $w) (v128.load (i32.add (local.get $A) (local.get $o))))))
            (v128.store (i32.add (local.get $nj) (local.get $o)) (local.get $v))
            (v128.store (i32.add (local.get $R) (local.get $o))
              (f64x2.add (v128.load (i32.add (local.get $R) (local.get $o))) (f64x2.mul (local.get $r) (local.get $v))))
            (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $v) (local.get $v))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (br $e)))
        (if (i32.lt_s (local.get $o) (local.get $sb))
          (then
            (local.set $v (f64x2.add
              (f64x2.mul (v128.load64_zero (i32.add (local.get $pj) (local.get $o)))
                (f64x2.sub (local.get $one) (f64x2.mul (local.get $w) (v128.load64_zero (i32.add (local.get $E) (local.get $o))))))
              (f64x2.mul (local.get $w) (v128.load64_zero (i32.add (local.get $A) (local.get $o))))))
            (f64.store (i32.add (local.get $nj) (local.get $o)) (f64x2.extract_lane 0 (local.get $v)))
            (f64.store (i32.add (local.get $R) (local.get $o))
              (f64.add (f64.load (i32.add (local.get $R) (local.get $o))) (f64x2.extract_lane 0 (f64x2.mul (local.get $r) (local.get $v)))))
            (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $v) (local.get $v))))))
        (if (local.get $nM)
          (then (f64.store (i32.add (local.get $nM) (i32.shl (local.get $j) (i32.const 3))) (f64.sqrt (call $hsum (local.get $s))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $slots))))

  ;; Backward of memWriteRead: dM holds dLoss/dMn on entry and dLoss/dMp on exit; dw[j] += ⟨dR, Mn_j⟩
  ;; (read weights), dw[N + j] += ⟨dMn_j, A − Mp_j ⊙ E⟩ (write weights), dA and dE accumulated.
  (func (export "memWriteReadBackward") (param $Mp i32) (param $Mn i32) (param $N i32) (param $S i32) (param $ww i32) (param $wr i32)
      (param $A i32) (param $E i32) (param $dR i32) (param $dM i32) (param $dw i32) (param $dA i32) (param $dE i32)
    (local $j i32) (local $o i32) (local $sb i32) (local $s2b i32) (local $pj i32) (local $nj i32) (local $dj i32) (local $jb i32)
    (local $w v128) (local $r v128) (local $d v128) (local $dm v128) (local $e v128) (local $mp v128)
    (local $sr v128) (local $sw v128) (local $one v128)
    (local.set $sb (i32.shl (local.get $S) (i32.const 3)))
    (local.set $s2b (i32.shl (i32.and (local.get $S) (i32.const -2)) (i32.const 3)))
    (local.set $one (v128.const f64x2 1 1))
    (local.set $j (i32.const 0))
    (block $slots_done
      (loop $slots
        (br_if $slots_done (i32.ge_s (local.get $j) (local.get $N)))
        (local.set $pj (i32.add (local.get $Mp) (i32.mul (local.get $j) (local.get $sb))))
        (local.set $nj (i32.add (local.get $Mn) (i32.mul (local.get $j) (local.get $sb))))
        (local.set $dj (i32.add (local.get $dM) (i32.mul (local.get $j) (local.get $sb))))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $w (v128.load64_splat (i32.add (local.get $ww) (local.get $jb))))
        (local.set $r (v128.load64_splat (i32.add (local.get $wr) (local.get $jb))))
        (local.set $sr (v128.const f64x2 0 0))
        (local.set $sw (v128.const f64x2 0 0))
        (local.set $o (i32.const 0))
        (block $e_done
          (loop $el
            (br_if $e_done (i32.ge_s (local.get $o) (local.get $s2b)))
            (local.set $d (v128.load (i32.add (local.get $dR) (local.get $o))))
            (local.set $sr (f64x2.add (local.get $sr) (f64x2.mul (local.get $d) (v128.load (i32.add (local.get $nj) (local.get $o))))))
            (local.set $dm (f64x2.add (v128.load (i32.add (local.get $dj) (local.get $o))) (f64x2.mul (local.get $r) (local.get $d))))
            (local.set $e (v128.load (i32.add (local.get $E) (local.get $o))))
            (local.set $mp (v128.load (i32.add (local.get $pj) (local.get $o))))
            (v128.store (i32.add (local.get $dj) (local.get $o))
              (f64x2.mul (local.get $dm) (f64x2.sub (local.get $one) (f64x2.mul (local.get $w) (local.get $e)))))
            (local.set $sw (f64x2.add (local.get $sw)
              (f64x2.mul (local.get $dm) (f64x2.sub (v128.load (i32.add (local.get $A) (local.get $o))) (f64x2.mul (local.get $mp) (local.get $e))))))
            (local.set $dm (f64x2.mul (local.get $w) (local.get $dm)))
            (v128.store (i32.add (local.get $dE) (local.get $o))
              (f64x2.sub (v128.load (i32.add (local.get $dE) (local.get $o))) (f64x2.mul (local.get $dm) (local.get $mp))))
            (v128.store (i32.add (local.get $dA) (local.get $o))
              (f64x2.add (v128.load (i32.add (local.get $dA) (local.get $o))) (local.get $dm)))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (br $el)))
        (if (i32.lt_s (local.get $o) (local.get $sb))
          (then
            (local.set $d (v128.load64_zero (i32.add (local.get $dR) (local.get $o))))
            (local.set $sr (f64x2.add (local.get $sr) (f64x2.mul (local.get $d) (v128.load64_zero (i32.add (local.get $nj) (local.get $o))))))
            (local.set $dm (f64x2.add (v128.load64_zero (i32.add (local.get $dj) (local.get $o))) (f64x2.mul (local.get $r) (local.get $d))))
            (local.set $e (v128.load64_zero (i32.add (local.get $E) (local.get $o))))
            (local.set $mp (v128.load64_zero (i32.add (local.get $pj) (local.get $o))))
            (f64.store (i32.add (local.get $dj) (local.get $o))
              (f64x2.extract_lane 0 (f64x2.mul (local.get $dm) (f64x2.sub (local.get $one) (f64x2.mul (local.get $w) (local.get $e))))))
            (local.set $sw (f64x2.add (local.get $sw)
              (f64x2.mul (local.get $dm) (f64x2.sub (v128.load64_zero (i32.add (local.get $A) (local.get $o))) (f64x2.mul (local.get $mp) (local.get $e))))))
            (local.set $dm (f64x2.mul (local.get $w) (local.get $dm)))
            (f64.store (i32.add (local.get $dE) (local.get $o))
              (f64.sub (f64.load (i32.add (local.get $dE) (local.get $o))) (f64x2.extract_lane 0 (f64x2.mul (local.get $dm) (local.get $mp)))))
            (f64.store (i32.add (local.get $dA) (local.get $o))
              (f64.add (f64.load (i32.add (local.get $dA) (local.get $o))) (f64x2.extract_lane 0 (local.get $dm))))))
        (f64.store (i32.add (local.get $dw) (local.get $jb))
          (f64.add (f64.load (i32.add (local.get $dw) (local.get $jb))) (call $hsum (local.get $sr))))
        (local.set $o (i32.add (local.get $dw) (i32.shl (i32.add (local.get $N) (local.get $j)) (i32.const 3))))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (call $hsum (local.get $sw))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $slots))))

  ;; Content addressing backward over the memory: dk0 += Σ_j c0_j·M_j, dk1 += Σ_j c1_j·M_j and
  ;; dM_j += c0_j·k0 + c1_j·k1 + f_j·M_j; slots with c0_j = c1_j = f_j = 0 are skipped.
  (func (export "memContentBackward") (param $M i32) (param $N i32) (param $S i32) (param $k0 i32) (param $k1 i32)
      (param $c0 i32) (param $c1 i32) (param $f i32) (param $dk0 i32) (param $dk1 i32) (param $dM i32)
    (local $j i32) (local $o i32) (local $sb i32) (local $s2b i32) (local $mj i32) (local $dj i32) (local $jb i32)
    (local $a f64) (local $b f64) (local $fj f64) (local $av v128) (local $bv v128) (local $fv v128) (local $m v128)
    (local.set $sb (i32.shl (local.get $S) (i32.const 3)))
    (local.set $s2b (i32.shl (i32.and (local.get $S) (i32.const -2)) (i32.const 3)))
    (local.set $j (i32.const 0))
    (block $slots_done
      (loop $slots
        (br_if $slots_done (i32.ge_s (local.get $j) (local.get $N)))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $a (f64.load (i32.add (local.get $c0) (local.get $jb))))
        (local.set $b (f64.load (i32.add (local.get $c1) (local.get $jb))))
        (local.set $fj (f64.load (i32.add (local.get $f) (local.get $jb))))
        (if (i32.eqz (i32.and (i32.and (f64.eq (local.get $a) (f64.const 0)) (f64.eq (local.get $b) (f64.const 0))) (f64.eq (local.get $fj) (f64.const 0))))
          (then
            (local.set $mj (i32.add (local.get $M) (i32.mul (local.get $j) (local.get $sb))))
            (local.set $dj (i32.add (local.get $dM) (i32.mul (local.get $j) (local.get $sb))))
            (local.set $av (f64x2.splat (local.get $a)))
            (local.set $bv (f64x2.splat (local.get $b)))
            (local.set $fv (f64x2.splat (local.get $fj)))
            (local.set $o (i32.const 0))
            (block $e_done
              (loop $e
                (br_if $e_done (i32.ge_s (local.get $o) (local.get $s2b)))
                (local.set $m (v128.load (i32.add (local.get $mj) (local.get $o))))
                (v128.store (i32.add (local.get $dk0) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $dk0) (local.get $o))) (f64x2.mul (local.get $av) (local.get $m))))
                (v128.store (i32.add (local.get $dk1) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $dk1) (local.get $o))) (f64x2.mul (local.get $bv) (local.get $m))))
                (v128.store (i32.add (local.get $dj) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $dj) (local.get $o)))
                    (f64x2.add
                      (f64x2.add (f64x2.mul (local.get $av) (v128.load (i32.add (local.get $k0) (local.get $o))))
                                 (f64x2.mul (local.get $bv) (v128.load (i32.add (local.get $k1) (local.get $o)))))
                      (f64x2.mul (local.get $fv) (local.get $m)))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $e)))
            (if (i32.lt_s (local.get $o) (local.get $sb))
              (then
                (local.set $m (v128.load64_zero (i32.add (local.get $mj) (local.get $o))))
                (f64.store (i32.add (local.get $dk0) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $dk0) (local.get $o))) (f64.mul (local.get $a) (f64x2.extract_lane 0 (local.get $m)))))
                (f64.store (i32.add (local.get $dk1) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $dk1) (local.get $o))) (f64.mul (local.get $b) (f64x2.extract_lane 0 (local.get $m)))))
                (f64.store (i32.add (local.get $dj) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $dj) (local.get $o)))
                    (f64.add
                      (f64.add (f64.mul (local.get $a) (f64.load (i32.add (local.get $k0) (local.get $o))))
                               (f64.mul (local.get $b) (f64.load (i32.add (local.get $k1) (local.get $o)))))
                      (f64.mul (local.get $fj) (f64x2.extract_lane 0 (local.get $m))))))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $slots))))
)
