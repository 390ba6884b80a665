;; Pillow's two LANCZOS passes (libImaging/Resample.c, 8-bit), and the
;; validator's float conversion, as WebAssembly SIMD kernels. They compute exactly Pillow's integers: every product is
;; uint8 x int32 weight, every sum is an int32 that cannot overflow (at most
;; 255 x 1.3 x 2^22 in magnitude), and integer addition does not depend on
;; its order, so summing four lanes at a time and adding the lanes at the end
;; gives Pillow's sum bit for bit. The rounding (start at 2^21) and clip8
;; (>> 22, then clamp to 0..255) are Pillow's.
;;
;; resample.ts lays the coefficients out and owns the memory; both kernels
;; read up to 15 bytes past their last input row and write up to 15 bytes past
;; their last output byte, so every buffer is followed by 16 bytes of padding.
;;
;; Build: node scripts/build-wasm.mjs (needs wat2wasm, Debian package wabt).
(module
  (memory (export "memory") 1)

  ;; Horizontal pass over packed RGB rows.
  ;;   meta:    per output pixel, [byte offset of its first source pixel, tap groups]
  ;;   weights: per output pixel `weightStride` bytes: groups of 4 taps, each tap's
  ;;            weight repeated for R, G, B (12 int32 per group; padding taps weigh 0)
  ;; Four taps are 12 source bytes: one 16-byte load, widened to three int32x4
  ;; vectors whose lanes hold R G B R | G B R G | B R G B.
  (func (export "horizontal")
    (param $src i32) (param $srcStride i32) (param $rows i32)
    (param $meta i32) (param $weights i32) (param $weightStride i32)
    (param $outWidth i32) (param $out i32)
    (local $y i32) (local $row i32) (local $xx i32) (local $m i32)
    (local $p i32) (local $w i32) (local $g i32)
    (local $v v128) (local $lo v128) (local $hi v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $k i32)
    (block $rowsDone
      (loop $rowsLoop
        (br_if $rowsDone (i32.ge_u (local.get $y) (local.get $rows)))
        (local.set $row (i32.add (local.get $src) (i32.mul (local.get $y) (local.get $srcStride))))
        (local.set $xx (i32.const 0))
        (local.set $m (local.get $meta))
        (local.set $w (local.get $weights))
        (block $pixelsDone
          (loop $pixels
            (br_if $pixelsDone (i32.ge_u (local.get $xx) (local.get $outWidth)))
            (local.set $p (i32.add (local.get $row) (i32.load (local.get $m))))
            (local.set $g (i32.load offset=4 (local.get $m)))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0))
            (local.set $k (local.get $w))
            (block $tapsDone
              (loop $taps
                (br_if $tapsDone (i32.eqz (local.get $g)))
                (local.set $v (v128.load (local.get $p)))
                (local.set $lo (i16x8.extend_low_i8x16_u (local.get $v)))
                (local.set $hi (i16x8.extend_high_i8x16_u (local.get $v)))
                (local.set $a0 (i32x4.add (local.get $a0)
                  (i32x4.mul (i32x4.extend_low_i16x8_u (local.get $lo)) (v128.load (local.get $k)))))
                (local.set $a1 (i32x4.add (local.get $a1)
                  (i32x4.mul (i32x4.extend_high_i16x8_u (local.get $lo)) (v128.load offset=16 (local.get $k)))))
                (local.set $a2 (i32x4.add (local.get $a2)
                  (i32x4.mul (i32x4.extend_low_i16x8_u (local.get $hi)) (v128.load offset=32 (local.get $k)))))
                (local.set $p (i32.add (local.get $p) (i32.const 12)))
                (local.set $k (i32.add (local.get $k) (i32.const 48)))
                (local.set $g (i32.sub (local.get $g) (i32.const 1)))
                (br $taps)))
            ;; R = a0[0]+a0[3]+a1[2]+a2[1], G = a0[1]+a1[0]+a1[3]+a2[2], B = a0[2]+a1[1]+a2[0]+a2[3]:
            ;; a0 + (a0[3] a1[0] a1[1] .) + (a1[2] a1[3] a2[0] .) + (a2[1] a2[2] a2[3] .)
            (local.set $v (i32x4.add
              (i32x4.add (local.get $a0)
                (i8x16.shuffle 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 (local.get $a0) (local.get $a1)))
              (i32x4.add
                (i8x16.shuffle 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 (local.get $a1) (local.get $a2))
                (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $a2) (local.get $a2)))))
            (local.set $v (i32x4.shr_s
              (i32x4.add (local.get $v) (v128.const i32x4 2097152 2097152 2097152 2097152))
              (i32.const 22)))
            ;; Saturating narrows are clip8's clamp; the 4th byte is overwritten by the next pixel.
            (local.set $v (i16x8.narrow_i32x4_s (local.get $v) (local.get $v)))
            (v128.store32_lane 0 (local.get $out) (i8x16.narrow_i16x8_u (local.get $v) (local.get $v)))
            (local.set $out (i32.add (local.get $out) (i32.const 3)))
            (local.set $m (i32.add (local.get $m) (i32.const 8)))
            (local.set $w (i32.add (local.get $w) (local.get $weightStride)))
            (local.set $xx (i32.add (local.get $xx) (i32.const 1)))
            (br $pixels)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rowsLoop))))

  ;; Vertical pass: each output row is a weighted sum of `count` consecutive
  ;; input rows, computed 16 bytes (16 sums) at a time.
  ;;   meta:    per output row, [byte offset of its first input row, count]
  ;;   weights: per output row `taps` int32 weights
  (func (export "vertical")
    (param $src i32) (param $stride i32) (param $meta i32) (param $weights i32)
    (param $taps i32) (param $outHeight i32) (param $out i32)
    (local $yy i32) (local $i i32) (local $row i32) (local $n i32)
    (local $p i32) (local $w i32) (local $wRow i32) (local $t i32) (local $o i32)
    (local $v v128) (local $lo v128) (local $hi v128) (local $k v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (block $rowsDone
      (loop $rowsLoop
        (br_if $rowsDone (i32.ge_u (local.get $yy) (local.get $outHeight)))
        (local.set $row (i32.add (local.get $src) (i32.load (i32.add (local.get $meta) (i32.shl (local.get $yy) (i32.const 3))))))
        (local.set $n (i32.load offset=4 (i32.add (local.get $meta) (i32.shl (local.get $yy) (i32.const 3)))))
        (local.set $wRow (i32.add (local.get $weights) (i32.shl (i32.mul (local.get $yy) (local.get $taps)) (i32.const 2))))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $yy) (local.get $stride))))
        (local.set $i (i32.const 0))
        (block $chunksDone
          (loop $chunks
            (br_if $chunksDone (i32.ge_u (local.get $i) (local.get $stride)))
            (local.set $a0 (v128.const i32x4 2097152 2097152 2097152 2097152))
            (local.set $a1 (local.get $a0))
            (local.set $a2 (local.get $a0))
            (local.set $a3 (local.get $a0))
            (local.set $p (i32.add (local.get $row) (local.get $i)))
            (local.set $w (local.get $wRow))
            (local.set $t (local.get $n))
            (block $tapsDone
              (loop $taps
                (br_if $tapsDone (i32.eqz (local.get $t)))
                (local.set $v (v128.load (local.get $p)))
                (local.set $k (i32x4.splat (i32.load (local.get $w))))
                (local.set $lo (i16x8.extend_low_i8x16_u (local.get $v)))
                (local.set $hi (i16x8.extend_high_i8x16_u (local.get $v)))
                (local.set $a0 (i32x4.add (local.get $a0) (i32x4.mul (i32x4.extend_low_i16x8_u (local.get $lo)) (local.get $k))))
                (local.set $a1 (i32x4.add (local.get $a1) (i32x4.mul (i32x4.extend_high_i16x8_u (local.get $lo)) (local.get $k))))
                (local.set $a2 (i32x4.add (local.get $a2) (i32x4.mul (i32x4.extend_low_i16x8_u (local.get $hi)) (local.get $k))))
                (local.set $a3 (i32x4.add (local.get $a3) (i32x4.mul (i32x4.extend_high_i16x8_u (local.get $hi)) (local.get $k))))
                (local.set $p (i32.add (local.get $p) (local.get $stride)))
                (local.set $w (i32.add (local.get $w) (i32.const 4)))
                (local.set $t (i32.sub (local.get $t) (i32.const 1)))
                (br $taps)))
            (v128.store (i32.add (local.get $o) (local.get $i))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_s (i32x4.shr_s (local.get $a0) (i32.const 22)) (i32x4.shr_s (local.get $a1) (i32.const 22)))
                (i16x8.narrow_i32x4_s (i32x4.shr_s (local.get $a2) (i32.const 22)) (i32x4.shr_s (local.get $a3) (i32.const 22)))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $chunks)))
        (local.set $yy (i32.add (local.get $yy) (i32.const 1)))
        (br $rowsLoop))))

  ;; The validator's float conversion, np.array(img, float32) / 255 then HWC -> CHW:
  ;; packed RGB bytes to three float32 planes (R, G, B). f32.div is IEEE single
  ;; division, correctly rounded, as numpy's float32 division is. 16 pixels
  ;; (48 bytes) per step, split into R, G and B bytes by two shuffles each; the
  ;; last pixels one by one.
  (func (export "planes") (param $src i32) (param $pixels i32) (param $out i32)
    (local $i i32) (local $end i32) (local $p i32) (local $plane i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128)
    (local.set $plane (i32.shl (local.get $pixels) (i32.const 2)))
    (local.set $end (i32.and (local.get $pixels) (i32.const -16)))
    (local.set $p (local.get $src))
    (block $simdDone
      (loop $simd
        (br_if $simdDone (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $v0 (v128.load (local.get $p)))
        (local.set $v1 (v128.load offset=16 (local.get $p)))
        (local.set $v2 (v128.load offset=32 (local.get $p)))
        (call $store16 (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 17 20 23 26 29
            (i8x16.shuffle 0 3 6 9 12 15 18 21 24 27 30 0 0 0 0 0 (local.get $v0) (local.get $v1))
            (local.get $v2)))
        (call $store16 (i32.add (i32.add (local.get $out) (local.get $plane)) (i32.shl (local.get $i) (i32.const 2)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 18 21 24 27 30
            (i8x16.shuffle 1 4 7 10 13 16 19 22 25 28 31 0 0 0 0 0 (local.get $v0) (local.get $v1))
            (local.get $v2)))
        (call $store16 (i32.add (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1))) (i32.shl (local.get $i) (i32.const 2)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 16 19 22 25 28 31
            (i8x16.shuffle 2 5 8 11 14 17 20 23 26 29 0 0 0 0 0 0 (local.get $v0) (local.get $v1))
            (local.get $v2)))
        (local.set $p (i32.add (local.get $p) (i32.const 48)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $simd)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $i) (local.get $pixels)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (f32.div (f32.convert_i32_u (i32.load8_u (local.get $p))) (f32.const 255)))
        (f32.store (i32.add (i32.add (local.get $out) (local.get $plane)) (i32.shl (local.get $i) (i32.const 2)))
          (f32.div (f32.convert_i32_u (i32.load8_u offset=1 (local.get $p))) (f32.const 255)))
        (f32.store (i32.add (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1))) (i32.shl (local.get $i) (i32.const 2)))
          (f32.div (f32.convert_i32_u (i32.load8_u offset=2 (local.get $p))) (f32.const 255)))
        (local.set $p (i32.add (local.get $p) (i32.const 3)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))

  ;; 16 bytes to 16 float32 (each / 255) at `at`.
  (func $store16 (param $at i32) (param $bytes v128)
    (local $lo v128) (local $hi v128)
    (local.set $lo (i16x8.extend_low_i8x16_u (local.get $bytes)))
    (local.set $hi (i16x8.extend_high_i8x16_u (local.get $bytes)))
    (v128.store (local.get $at)
      (f32x4.div (f32x4.convert_i32x4_u (i32x4.extend_low_i16x8_u (local.get $lo))) (v128.const f32x4 255 255 255 255)))
    (v128.store offset=16 (local.get $at)
      (f32x4.div (f32x4.convert_i32x4_u (i32x4.extend_high_i16x8_u (local.get $lo))) (v128.const f32x4 255 255 255 255)))
    (v128.store offset=32 (local.get $at)
      (f32x4.div (f32x4.convert_i32x4_u (i32x4.extend_low_i16x8_u (local.get $hi))) (v128.const f32x4 255 255 255 255)))
    (v128.store offset=48 (local.get $at)
      (f32x4.div (f32x4.convert_i32x4_u (i32x4.extend_high_i16x8_u (local.get $hi))) (v128.const f32x4 255 255 255 255))))
)
