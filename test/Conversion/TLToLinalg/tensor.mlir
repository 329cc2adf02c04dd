// RUN: tl-opt %s --convert-tl-to-linalg | FileCheck %s

// Constants and tensor manipulation: reshapes as collapse/expand_shape,
// slices, pads and gathers as tensor slices or index-computing generics.

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[GATHER_IDX:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[BCAST:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>

// CHECK-LABEL: func.func @constant
// CHECK: %[[C:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK: return %[[C]]
func.func @constant() -> tensor<2xf32> {
  %c = tl.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %c : tensor<2xf32>
}

// CHECK-LABEL: func.func @identity_dropout
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @identity_dropout(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = tl.identity %x : tensor<4xf32>
  %b = tl.dropout %a {ratio = 0.5 : f64} : tensor<4xf32>
  return %b : tensor<4xf32>
}

// CHECK-LABEL: func.func @reshape_collapse
// CHECK-SAME: (%[[X:.*]]: tensor<?x512x1x1xf32>)
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0], [1, 2, 3]] : tensor<?x512x1x1xf32> into tensor<?x512xf32>
// CHECK: return %[[R]]
func.func @reshape_collapse(%x: tensor<?x512x1x1xf32>) -> tensor<?x512xf32> {
  %y = tl.reshape %x {new_shape = array<i64: 0, -1>} : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
  return %y : tensor<?x512xf32>
}

// Dims copied by `0` keep their own groups, so two dynamic dims still expand.
// CHECK-LABEL: func.func @reshape_expand_copied_prefix
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x768xf32>)
// CHECK: %[[D0:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[D1:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[R:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1], [2, 3]] output_shape [%[[D0]], %[[D1]], 12, 64] : tensor<?x?x768xf32> into tensor<?x?x12x64xf32>
// CHECK: return %[[R]]
func.func @reshape_expand_copied_prefix(%x: tensor<?x?x768xf32>) -> tensor<?x?x12x64xf32> {
  %y = tl.reshape %x {new_shape = array<i64: 0, 0, 12, 64>} : (tensor<?x?x768xf32>) -> tensor<?x?x12x64xf32>
  return %y : tensor<?x?x12x64xf32>
}

// No grouping relates [2, 3, 4] and [4, 6]: tensor.reshape.
// CHECK-LABEL: func.func @reshape_regroup
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[SHAPE:.*]] = tensor.from_elements %{{.*}}, %{{.*}} : tensor<2xindex>
// CHECK: %[[R:.*]] = tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<2x3x4xf32>, tensor<2xindex>) -> tensor<4x6xf32>
// CHECK: return %[[R]]
func.func @reshape_regroup(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %y = tl.reshape %x {new_shape = array<i64: 4, 6>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  return %y : tensor<4x6xf32>
}

// CHECK-LABEL: func.func @flatten
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2, 3]] : tensor<?x3x4x5xf32> into tensor<?x60xf32>
func.func @flatten(%x: tensor<?x3x4x5xf32>) -> tensor<?x60xf32> {
  %y = tl.flatten %x {axis = 1 : i64} : (tensor<?x3x4x5xf32>) -> tensor<?x60xf32>
  return %y : tensor<?x60xf32>
}

// CHECK-LABEL: func.func @flatten_axis0
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK: tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [1, 6] : tensor<6xf32> into tensor<1x6xf32>
func.func @flatten_axis0(%x: tensor<2x3xf32>) -> tensor<1x6xf32> {
  %y = tl.flatten %x {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<1x6xf32>
  return %y : tensor<1x6xf32>
}

// A dynamic squeezed dim is asserted to be 1 by a cast.
// CHECK-LABEL: func.func @squeeze_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<1x?x?xf32>)
// CHECK: %[[CAST:.*]] = tensor.cast %[[X]] : tensor<1x?x?xf32> to tensor<1x?x1xf32>
// CHECK: tensor.collapse_shape %[[CAST]] {{\[}}[0, 1, 2]] : tensor<1x?x1xf32> into tensor<?xf32>
func.func @squeeze_dynamic(%x: tensor<1x?x?xf32>) -> tensor<?xf32> {
  %y = tl.squeeze %x {axes = array<i64: 0, 2>} : (tensor<1x?x?xf32>) -> tensor<?xf32>
  return %y : tensor<?xf32>
}

// CHECK-LABEL: func.func @unsqueeze
// CHECK-SAME: (%[[X:.*]]: tensor<3x?xf32>)
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: tensor.expand_shape %[[X]] {{\[}}[0, 1], [2, 3]] output_shape [1, 3, %[[D]], 1] : tensor<3x?xf32> into tensor<1x3x?x1xf32>
func.func @unsqueeze(%x: tensor<3x?xf32>) -> tensor<1x3x?x1xf32> {
  %y = tl.unsqueeze %x {axes = array<i64: 0, -1>} : (tensor<3x?xf32>) -> tensor<1x3x?x1xf32>
  return %y : tensor<1x3x?x1xf32>
}

// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x4xf32>)
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[INIT:.*]] = tensor.empty(%[[D]]) : tensor<?x4x2xf32>
// CHECK: linalg.transpose ins(%[[X]] : tensor<2x?x4xf32>) outs(%[[INIT]] : tensor<?x4x2xf32>) permutation = [1, 2, 0]
func.func @transpose(%x: tensor<2x?x4xf32>) -> tensor<?x4x2xf32> {
  %y = tl.transpose %x {perm = array<i64: 1, 2, 0>} : (tensor<2x?x4xf32>) -> tensor<?x4x2xf32>
  return %y : tensor<?x4x2xf32>
}

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<2x?xf32>, %[[B:.*]]: tensor<2x3xf32>)
// CHECK: %[[TOTAL:.*]] = arith.addi %{{.*}}, %{{.*}} : index
// CHECK: %[[INIT:.*]] = tensor.empty(%[[TOTAL]]) : tensor<2x?xf32>
// CHECK: %[[AW:.*]] = tensor.dim %[[A]], %{{.*}}
// CHECK: %[[FIRST:.*]] = tensor.insert_slice %[[A]] into %[[INIT]][0, 0] [2, %[[AW]]] [1, 1]
// CHECK: %[[BOTH:.*]] = tensor.insert_slice %[[B]] into %[[FIRST]][0, %[[AW]]] [2, 3] [1, 1]
// CHECK: return %[[BOTH]]
func.func @concat(%a: tensor<2x?xf32>, %b: tensor<2x3xf32>) -> tensor<2x?xf32> {
  %y = tl.concat %a, %b {axis = -1 : i64} : (tensor<2x?xf32>, tensor<2x3xf32>) -> tensor<2x?xf32>
  return %y : tensor<2x?xf32>
}

// CHECK-LABEL: func.func @split
// CHECK-SAME: (%[[X:.*]]: tensor<3x7xf32>)
// CHECK: %[[A:.*]] = tensor.extract_slice %[[X]][0, 0] [3, 2] [1, 1] : tensor<3x7xf32> to tensor<3x2xf32>
// CHECK: %[[B:.*]] = tensor.extract_slice %[[X]][0, 2] [3, 5] [1, 1] : tensor<3x7xf32> to tensor<3x5xf32>
// CHECK: return %[[A]], %[[B]]
func.func @split(%x: tensor<3x7xf32>) -> (tensor<3x2xf32>, tensor<3x5xf32>) {
  %a, %b = tl.split %x {axis = 1 : i64, sizes = array<i64: 2, 5>} : (tensor<3x7xf32>) -> (tensor<3x2xf32>, tensor<3x5xf32>)
  return %a, %b : tensor<3x2xf32>, tensor<3x5xf32>
}

// Empty parts hold no data: no slice (whose offset would be past the end).
// CHECK-LABEL: func.func @split_empty_parts
// CHECK: %[[A:.*]] = tensor.empty() : tensor<0xf32>
// CHECK: %[[B:.*]] = tensor.empty() : tensor<0xf32>
// CHECK-NOT: tensor.extract_slice
// CHECK: return %[[A]], %[[B]]
func.func @split_empty_parts(%x: tensor<0xf32>) -> (tensor<0xf32>, tensor<0xf32>) {
  %a, %b = tl.split %x {axis = 0 : i64, sizes = array<i64: 0, 0>} : (tensor<0xf32>) -> (tensor<0xf32>, tensor<0xf32>)
  return %a, %b : tensor<0xf32>, tensor<0xf32>
}

// CHECK-LABEL: func.func @slice_steps
// CHECK: tensor.extract_slice %{{.*}}[0, 1] [3, 3] [2, 3] : tensor<6x9xf32> to tensor<3x3xf32>
func.func @slice_steps(%x: tensor<6x9xf32>) -> tensor<3x3xf32> {
  %y = tl.slice %x {starts = array<i64: 0, 1>, ends = array<i64: 6, 9>, steps = array<i64: 2, 3>} : (tensor<6x9xf32>) -> tensor<3x3xf32>
  return %y : tensor<3x3xf32>
}

// A start past the end clamps to D: an empty slice, read at offset 0 (a
// static offset D is out of bounds for tensor.extract_slice).
// CHECK-LABEL: func.func @slice_empty
// CHECK: tensor.extract_slice %{{.*}}[0, 0, 0] [20, 0, 5] [1, 1, 1] : tensor<20x10x5xf32> to tensor<20x0x5xf32>
func.func @slice_empty(%x: tensor<20x10x5xf32>) -> tensor<20x0x5xf32> {
  %y = tl.slice %x {starts = array<i64: 1000>, ends = array<i64: 1000>, axes = array<i64: 1>} : (tensor<20x10x5xf32>) -> tensor<20x0x5xf32>
  return %y : tensor<20x0x5xf32>
}

// Negative steps read forwards, then reverse in an index-computing generic.
// CHECK-LABEL: func.func @slice_reverse
// CHECK: %[[FWD:.*]] = tensor.extract_slice %{{.*}}[0, 0] [6, 9] [1, 1]
// CHECK: linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<6x9xf32>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[LAST:.*]] = arith.constant 8 : index
// CHECK: %[[REV:.*]] = arith.subi %[[LAST]], %[[J]] : index
// CHECK: tensor.extract %[[FWD]][%[[I]], %[[REV]]] : tensor<6x9xf32>
func.func @slice_reverse(%x: tensor<6x9xf32>) -> tensor<6x9xf32> {
  %y = tl.slice %x {starts = array<i64: -1>, ends = array<i64: -1000>, axes = array<i64: 1>, steps = array<i64: -1>} : (tensor<6x9xf32>) -> tensor<6x9xf32>
  return %y : tensor<6x9xf32>
}

// Clamping of dynamic dims: start min(1, D), end max(D - 1, 0).
// CHECK-LABEL: func.func @slice_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x9xf32>)
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[START:.*]] = arith.minsi %{{.*}}, %[[D]] : index
// CHECK: %[[ENDRAW:.*]] = arith.addi %[[D]], %{{.*}} : index
// CHECK: %[[END:.*]] = arith.maxsi %[[ENDRAW]], %{{.*}} : index
// CHECK: %[[SPAN:.*]] = arith.subi %[[END]], %[[START]] : index
// CHECK: %[[LEN:.*]] = arith.maxsi %{{.*}}, %[[SPAN]] : index
// CHECK: tensor.extract_slice %[[X]][%[[START]], 0] [%[[LEN]], 9] [1, 1] : tensor<?x9xf32> to tensor<?x9xf32>
func.func @slice_dynamic(%x: tensor<?x9xf32>) -> tensor<?x9xf32> {
  %y = tl.slice %x {starts = array<i64: 1>, ends = array<i64: -1>, axes = array<i64: 0>} : (tensor<?x9xf32>) -> tensor<?x9xf32>
  return %y : tensor<?x9xf32>
}

// Negative pads crop first.
// CHECK-LABEL: func.func @pad_constant_crop
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xf32>)
// CHECK: %[[CROPPED:.*]] = tensor.extract_slice %[[X]][0, 2] [3, 3] [1, 1] : tensor<3x5xf32> to tensor<3x3xf32>
// CHECK: %[[VALUE:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: %[[PADDED:.*]] = tensor.pad %[[CROPPED]] low[1, 0] high[1, 1]
// CHECK: tensor.yield %[[VALUE]] : f32
// CHECK: } : tensor<3x3xf32> to tensor<5x4xf32>
// CHECK: return %[[PADDED]]
func.func @pad_constant_crop(%x: tensor<3x5xf32>) -> tensor<5x4xf32> {
  %y = tl.pad %x {pads = array<i64: 1, -2, 1, 1>, value = 1.5 : f64} : (tensor<3x5xf32>) -> tensor<5x4xf32>
  return %y : tensor<5x4xf32>
}

// CHECK-LABEL: func.func @pad_reflect
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xf32>)
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<3x8xf32>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[REL:.*]] = arith.subi %[[J]], %{{.*}} : index
// CHECK: %[[MIRROR_END:.*]] = arith.subi %{{.*}}, %[[REL]] : index
// CHECK: %[[NEG:.*]] = arith.subi %{{.*}}, %[[REL]] : index
// CHECK: %[[MIRROR_BEGIN:.*]] = arith.maxsi %[[REL]], %[[NEG]] : index
// CHECK: %[[SRC:.*]] = arith.minsi %[[MIRROR_BEGIN]], %[[MIRROR_END]] : index
// CHECK: tensor.extract %[[X]][%[[I]], %[[SRC]]] : tensor<3x5xf32>
func.func @pad_reflect(%x: tensor<3x5xf32>) -> tensor<3x8xf32> {
  %y = tl.pad %x {pads = array<i64: 0, 2, 0, 1>, mode = #tl<pad_mode reflect>} : (tensor<3x5xf32>) -> tensor<3x8xf32>
  return %y : tensor<3x8xf32>
}

// CHECK-LABEL: func.func @pad_edge
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xf32>)
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[REL:.*]] = arith.subi %[[J]], %{{.*}} : index
// CHECK: %[[LAST:.*]] = arith.constant 4 : index
// CHECK: %[[HI:.*]] = arith.minsi %[[REL]], %[[LAST]] : index
// CHECK: %[[SRC:.*]] = arith.maxsi %[[HI]], %{{.*}} : index
// CHECK: tensor.extract %[[X]][%{{.*}}, %[[SRC]]] : tensor<3x5xf32>
func.func @pad_edge(%x: tensor<3x5xf32>) -> tensor<3x8xf32> {
  %y = tl.pad %x {pads = array<i64: 0, 2, 0, 1>, mode = #tl<pad_mode edge>} : (tensor<3x5xf32>) -> tensor<3x8xf32>
  return %y : tensor<3x8xf32>
}

// Negative indices wrap by the axis size, then clamp into [0, 3].
// CHECK-LABEL: func.func @gather
// CHECK-SAME: (%[[DATA:.*]]: tensor<5x4x3xf32>, %[[IDX:.*]]: tensor<2x?xi64>)
// CHECK: linalg.generic {indexing_maps = [#[[GATHER_IDX]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[IDX]] : tensor<2x?xi64>) outs(%{{.*}} : tensor<5x2x?x3xf32>)
// CHECK: ^bb0(%[[I:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[D0:.*]] = linalg.index 0 : index
// CHECK: %[[D3:.*]] = linalg.index 3 : index
// CHECK: %[[K:.*]] = arith.index_cast %[[I]] : i64 to index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[K]], %{{.*}} : index
// CHECK: %[[WRAPPED:.*]] = arith.addi %[[K]], %{{.*}} : index
// CHECK: %[[SEL:.*]] = arith.select %[[NEG]], %[[WRAPPED]], %[[K]] : index
// CHECK: %[[LOW:.*]] = arith.minsi %[[SEL]], %{{.*}} : index
// CHECK: %[[POS:.*]] = arith.maxsi %[[LOW]], %{{.*}} : index
// CHECK: tensor.extract %[[DATA]][%[[D0]], %[[POS]], %[[D3]]] : tensor<5x4x3xf32>
func.func @gather(%data: tensor<5x4x3xf32>, %idx: tensor<2x?xi64>) -> tensor<5x2x?x3xf32> {
  %y = tl.gather %data, %idx {axis = 1 : i64} : (tensor<5x4x3xf32>, tensor<2x?xi64>) -> tensor<5x2x?x3xf32>
  return %y : tensor<5x2x?x3xf32>
}

// CHECK-LABEL: func.func @expand
// CHECK-SAME: (%[[X:.*]]: tensor<3x1xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[BCAST]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[X]] : tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %y = tl.expand %x {shape = array<i64: 2, 1, 4>} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @tile
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>)
// CHECK: %[[B:.*]] = linalg.broadcast ins(%[[X]] : tensor<2x?xf32>) outs(%{{.*}} : tensor<2x2x?xf32>) dimensions = [0]
// CHECK: tensor.collapse_shape %[[B]] {{\[}}[0, 1], [2]] : tensor<2x2x?xf32> into tensor<4x?xf32>
func.func @tile(%x: tensor<2x?xf32>) -> tensor<4x?xf32> {
  %y = tl.tile %x {repeats = array<i64: 2, 1>} : (tensor<2x?xf32>) -> tensor<4x?xf32>
  return %y : tensor<4x?xf32>
}

// CHECK-LABEL: func.func @depth_to_space_dcr
// CHECK: %[[E:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2, 3], [4], [5]] output_shape [1, 2, 2, 2, 3, 2]
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[E]] : tensor<1x2x2x2x3x2xf32>) outs(%{{.*}} : tensor<1x2x3x2x2x2xf32>) permutation = [0, 3, 4, 1, 5, 2]
// CHECK: tensor.collapse_shape %[[T]] {{\[}}[0], [1], [2, 3], [4, 5]] : tensor<1x2x3x2x2x2xf32> into tensor<1x2x6x4xf32>
func.func @depth_to_space_dcr(%x: tensor<1x8x3x2xf32>) -> tensor<1x2x6x4xf32> {
  %y = tl.depth_to_space %x {blocksize = 2 : i64} : (tensor<1x8x3x2xf32>) -> tensor<1x2x6x4xf32>
  return %y : tensor<1x2x6x4xf32>
}

// CHECK-LABEL: func.func @depth_to_space_crd
// CHECK: linalg.transpose {{.*}} permutation = [0, 1, 4, 2, 5, 3]
func.func @depth_to_space_crd(%x: tensor<1x8x3x2xf32>) -> tensor<1x2x6x4xf32> {
  %y = tl.depth_to_space %x {blocksize = 2 : i64, mode = #tl<depth_to_space_mode CRD>} : (tensor<1x8x3x2xf32>) -> tensor<1x2x6x4xf32>
  return %y : tensor<1x2x6x4xf32>
}

// CHECK-LABEL: func.func @space_to_depth
// CHECK: %[[E:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1], [2, 3], [4, 5]] output_shape [1, 3, 3, 2, 2, 2]
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[E]] : tensor<1x3x3x2x2x2xf32>) outs(%{{.*}} : tensor<1x2x2x3x3x2xf32>) permutation = [0, 3, 5, 1, 2, 4]
// CHECK: tensor.collapse_shape %[[T]] {{\[}}[0], [1, 2, 3], [4], [5]] : tensor<1x2x2x3x3x2xf32> into tensor<1x12x3x2xf32>
func.func @space_to_depth(%x: tensor<1x3x6x4xf32>) -> tensor<1x12x3x2xf32> {
  %y = tl.space_to_depth %x {blocksize = 2 : i64} : (tensor<1x3x6x4xf32>) -> tensor<1x12x3x2xf32>
  return %y : tensor<1x12x3x2xf32>
}

// Weights keep their dense_resource blob.
// CHECK-LABEL: func.func @constant_resource
// CHECK: %[[W:.*]] = arith.constant dense_resource<weight_blob> : tensor<2x2xf32>
// CHECK: return %[[W]]
func.func @constant_resource() -> tensor<2x2xf32> {
  %w = tl.constant dense_resource<weight_blob> : tensor<2x2xf32>
  return %w : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @constant_unsigned
// CHECK: arith.constant dense<[0, 255]> : tensor<2xui8>
func.func @constant_unsigned() -> tensor<2xui8> {
  %c = tl.constant dense<[0, 255]> : tensor<2xui8>
  return %c : tensor<2xui8>
}

// Unsigned constant pads read their value out of a rank-0 tensor constant.
// CHECK-LABEL: func.func @pad_unsigned
// CHECK: %[[CST:.*]] = arith.constant dense<7> : tensor<ui8>
// CHECK: %[[VALUE:.*]] = tensor.extract %[[CST]][] : tensor<ui8>
// CHECK: tensor.pad %{{.*}} low[1, 0] high[0, 2]
// CHECK: tensor.yield %[[VALUE]] : ui8
func.func @pad_unsigned(%x: tensor<2x3xui8>) -> tensor<3x5xui8> {
  %y = tl.pad %x {pads = array<i64: 1, 0, 0, 2>, value = 7.0 : f64} : (tensor<2x3xui8>) -> tensor<3x5xui8>
  return %y : tensor<3x5xui8>
}

{-#
  dialect_resources: {
    builtin: {
      weight_blob: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
