// RUN: tl-opt %s --split-input-file --tl-lower-vectors | FileCheck %s

// The register-tile contraction: per accumulator row, a broadcast lhs
// element times the rhs row, accumulated by an FMA.
// CHECK-LABEL: func.func @contract
// CHECK-SAME: (%[[A:.*]]: vector<4x1xf32>, %[[B:.*]]: vector<1x32xf32>, %[[C:.*]]: vector<4x32xf32>)
// CHECK: %[[ROW:.*]] = vector.extract %[[B]][0] : vector<32xf32> from vector<1x32xf32>
// CHECK: %[[A0:.*]] = vector.extract %[[A]][0, 0] : f32 from vector<4x1xf32>
// CHECK: %[[S0:.*]] = vector.broadcast %[[A0]] : f32 to vector<32xf32>
// CHECK: %[[C0:.*]] = vector.extract %[[C]][0] : vector<32xf32> from vector<4x32xf32>
// CHECK: vector.fma %[[S0]], %[[ROW]], %[[C0]] : vector<32xf32>
// CHECK-COUNT-3: vector.fma %{{.*}}, %[[ROW]], %{{.*}} : vector<32xf32>
// CHECK-NOT: vector.contract
func.func @contract(%a: vector<4x1xf32>, %b: vector<1x32xf32>, %c: vector<4x32xf32>) -> vector<4x32xf32> {
  %r = vector.contract {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<4x1xf32>, vector<1x32xf32> into vector<4x32xf32>
  return %r : vector<4x32xf32>
}

// -----

// CHECK-LABEL: func.func @reduce
// CHECK: %[[V:.*]] = vector.extract %{{.*}}[0] : vector<64xf32> from vector<1x64xf32>
// CHECK: %[[ACC:.*]] = vector.extract %{{.*}}[0] : f32 from vector<1xf32>
// CHECK: vector.reduction <add>, %[[V]], %[[ACC]] : vector<64xf32> into f32
func.func @reduce(%v: vector<1x64xf32>, %acc: vector<1xf32>) -> vector<1xf32> {
  %r = vector.multi_reduction <add>, %v, %acc [1] : vector<1x64xf32> to vector<1xf32>
  return %r : vector<1xf32>
}

// -----

// Math functions become polynomials that stay vectorized.
// CHECK-LABEL: func.func @tanh
// CHECK-NOT: math.tanh
// CHECK: math.fma {{.*}} : vector<16xf32>
// CHECK: arith.divf {{.*}} : vector<16xf32>
func.func @tanh(%v: vector<16xf32>) -> vector<16xf32> {
  %r = math.tanh %v : vector<16xf32>
  return %r : vector<16xf32>
}

// -----

// 2-D transfers become one 1-D load per row.
// CHECK-LABEL: func.func @transfer
// CHECK-SAME: (%[[M:.*]]: memref<4x32xf32>)
// CHECK-COUNT-4: vector.load %[[M]][%{{.*}}, %{{.*}}] : memref<4x32xf32>, vector<32xf32>
// CHECK-NOT: vector.transfer_read
func.func @transfer(%m: memref<4x32xf32>) -> vector<4x32xf32> {
  %c0 = arith.constant 0 : index
  %p = arith.constant 0.0 : f32
  %r = vector.transfer_read %m[%c0, %c0], %p {in_bounds = [true, true]} : memref<4x32xf32>, vector<4x32xf32>
  return %r : vector<4x32xf32>
}
