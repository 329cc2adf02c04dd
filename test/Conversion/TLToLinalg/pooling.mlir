// RUN: tl-opt %s --convert-tl-to-linalg | FileCheck %s

// Pooling pads (lowest value for max, zero for average; ceil mode adds end
// padding) and uses linalg.pooling_nc* ops, or their generic form.

// CHECK-DAG: #[[POOL3D_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2 + d5, d3 * 2 + d6, d4 * 2 + d7)>
// CHECK-DAG: #[[POOL3D_WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7)>
// CHECK-DAG: #[[POOL3D_OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[NC4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>

// CHECK-LABEL: func.func @max_pool2d_ceil
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x7x8xf32>)
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 0] high[0, 0, 1, 0]
// CHECK: tensor.yield %[[NEG_INF]] : f32
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<3x2xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<1x2x4x4xf32>)
// CHECK: %[[POOL:.*]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PADDED]], %[[WINDOW]] : tensor<1x2x9x8xf32>, tensor<3x2xf32>) outs(%[[INIT]] : tensor<1x2x4x4xf32>)
// CHECK: return %[[POOL]]
func.func @max_pool2d_ceil(%x: tensor<1x2x7x8xf32>) -> tensor<1x2x4x4xf32> {
  %y = tl.max_pool %x {kernel_shape = array<i64: 3, 2>, strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 1, 0>, ceil_mode = true} : (tensor<1x2x7x8xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// CHECK-LABEL: func.func @max_pool1d_dilated
// CHECK-NOT: tensor.pad
// CHECK: linalg.pooling_ncw_max {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>}
// CHECK-SAME: -> tensor<2x3x4xf32>
func.func @max_pool1d_dilated(%x: tensor<2x3x12xf32>) -> tensor<2x3x4xf32> {
  %y = tl.max_pool %x {kernel_shape = array<i64: 3>, strides = array<i64: 2>, dilations = array<i64: 2>} : (tensor<2x3x12xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// linalg has no channels-first 3-D pooling: a generic with its maps.
// CHECK-LABEL: func.func @max_pool3d
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x6x7xf32>)
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<2x2x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[POOL3D_IN]], #[[POOL3D_WIN]], #[[POOL3D_OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[X]], %[[WINDOW]] : tensor<1x2x5x6x7xf32>, tensor<2x2x3xf32>)
// CHECK: arith.maximumf
func.func @max_pool3d(%x: tensor<1x2x5x6x7xf32>) -> tensor<1x2x4x3x3xf32> {
  %y = tl.max_pool %x {kernel_shape = array<i64: 2, 2, 3>, strides = array<i64: 1, 2, 2>} : (tensor<1x2x5x6x7xf32>) -> tensor<1x2x4x3x3xf32>
  return %y : tensor<1x2x4x3x3xf32>
}

// CHECK-LABEL: func.func @max_pool2d_i32
// CHECK: %[[MIN:.*]] = arith.constant -2147483648 : i32
// CHECK: linalg.fill ins(%[[MIN]] : i32)
// CHECK: linalg.pooling_nchw_max
func.func @max_pool2d_i32(%x: tensor<1x2x6x6xi32>) -> tensor<1x2x3x3xi32> {
  %y = tl.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x6x6xi32>) -> tensor<1x2x3x3xi32>
  return %y : tensor<1x2x3x3xi32>
}

// Unsigned: padded with 0 and compared as zero-extended index values.
// CHECK-LABEL: func.func @max_pool2d_ui8
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x6x6xui8>)
// CHECK: %[[ZEROS:.*]] = arith.constant dense<0> : tensor<ui8>
// CHECK: %[[ZERO:.*]] = tensor.extract %[[ZEROS]][] : tensor<ui8>
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK: tensor.yield %[[ZERO]] : ui8
// CHECK: %[[POOL:.*]] = linalg.generic {{.*}} ins(%[[PADDED]], %{{.*}} : tensor<1x2x7x7xui8>, tensor<2x2xui8>)
// CHECK: %[[ACC:.*]] = index.castu %{{.*}} : ui8 to index
// CHECK: %[[ELEM:.*]] = index.castu %{{.*}} : ui8 to index
// CHECK: %[[MAX:.*]] = arith.maxui %[[ACC]], %[[ELEM]] : index
// CHECK: index.castu %[[MAX]] : index to ui8
// CHECK: return %[[POOL]]
func.func @max_pool2d_ui8(%x: tensor<1x2x6x6xui8>) -> tensor<1x2x3x3xui8> {
  %y = tl.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>} : (tensor<1x2x6x6xui8>) -> tensor<1x2x3x3xui8>
  return %y : tensor<1x2x3x3xui8>
}

// Without count_include_pad, the divisor is the number of window elements
// inside the input, from the output indices.
// CHECK-LABEL: func.func @avg_pool2d_exclude_pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x7x7xf32>)
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PADDED]], %{{.*}} : tensor<1x2x9x9xf32>, tensor<3x3xf32>)
// CHECK: %[[AVG:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x2x4x4xf32>)
// CHECK: %[[OH:.*]] = linalg.index 2 : index
// CHECK: %[[OW:.*]] = linalg.index 3 : index
// CHECK: %[[HSTRIDED:.*]] = arith.muli %[[OH]], %{{.*}} : index
// CHECK: %[[HSTART:.*]] = arith.subi %[[HSTRIDED]], %{{.*}} : index
// CHECK: %[[HWEND:.*]] = arith.addi %[[HSTART]], %{{.*}} : index
// CHECK: %[[HEND:.*]] = arith.minsi %[[HWEND]], %{{.*}} : index
// CHECK: %[[HFIRST:.*]] = arith.maxsi %[[HSTART]], %{{.*}} : index
// CHECK: %[[HCOUNT:.*]] = arith.subi %[[HEND]], %[[HFIRST]] : index
// CHECK: %[[WEND:.*]] = arith.minsi
// CHECK: %[[WFIRST:.*]] = arith.maxsi
// CHECK: %[[WCOUNT:.*]] = arith.subi %[[WEND]], %[[WFIRST]] : index
// CHECK: %[[COUNT:.*]] = arith.muli %[[HCOUNT]], %[[WCOUNT]] : index
// CHECK: %[[COUNT64:.*]] = arith.index_cast %[[COUNT]] : index to i64
// CHECK: %[[DIVISOR:.*]] = arith.sitofp %[[COUNT64]] : i64 to f32
// CHECK: arith.divf %{{.*}}, %[[DIVISOR]] : f32
// CHECK: return %[[AVG]]
func.func @avg_pool2d_exclude_pad(%x: tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32> {
  %y = tl.avg_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// With count_include_pad and no ceil-mode overhang every window is full.
// CHECK-LABEL: func.func @avg_pool2d_include_pad
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum
// CHECK: %[[NINE:.*]] = arith.constant 9.000000e+00 : f32
// CHECK: %[[AVG:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x2x4x4xf32>)
// CHECK-NOT: linalg.index
// CHECK: arith.divf %{{.*}}, %[[NINE]] : f32
// CHECK: return %[[AVG]]
func.func @avg_pool2d_include_pad(%x: tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32> {
  %y = tl.avg_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = true} : (tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// Dynamic sizes: ceil-mode output size, the extra end padding it needs, and
// windows clipped to input + explicit padding.
// CHECK-LABEL: func.func @avg_pool1d_dynamic_ceil
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?xf32>)
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x?xf32>
// CHECK: arith.ceildivsi
// CHECK: %[[LATE:.*]] = arith.cmpi sge, %{{.*}}, %[[D]] : index
// CHECK: %[[DROP:.*]] = arith.select %[[LATE]]
// CHECK: %[[OUT:.*]] = arith.subi %{{.*}}, %[[DROP]] : index
// CHECK: %[[EXTRA:.*]] = arith.maxsi
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 0] high[0, 0, %[[EXTRA]]]
// CHECK: %[[INIT:.*]] = tensor.empty(%{{.*}}, %[[OUT]]) : tensor<?x3x?xf32>
// CHECK: %[[SUM:.*]] = linalg.pooling_ncw_sum {{.*}} ins(%[[PADDED]], %{{.*}} : tensor<?x3x?xf32>, tensor<3xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<?x3x?xf32>)
// CHECK: arith.minsi
// CHECK: arith.divf
func.func @avg_pool1d_dynamic_ceil(%x: tensor<?x3x?xf32>) -> tensor<?x3x?xf32> {
  %y = tl.avg_pool %x {kernel_shape = array<i64: 3>, strides = array<i64: 2>, ceil_mode = true, count_include_pad = true} : (tensor<?x3x?xf32>) -> tensor<?x3x?xf32>
  return %y : tensor<?x3x?xf32>
}

// CHECK-LABEL: func.func @global_avg_pool
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x5x5xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x8x5x5xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?x8xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[NC4]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[X]] : tensor<?x8x5x5xf32>) outs(%[[INIT]] : tensor<?x8xf32>)
// CHECK: arith.addf
// CHECK: %[[COUNT:.*]] = arith.constant 25 : index
// CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<?x8xf32>)
// CHECK: arith.divf
// CHECK: %[[RES:.*]] = tensor.expand_shape %[[MEAN]] {{\[}}[0], [1, 2, 3]] output_shape [%[[N]], 8, 1, 1] : tensor<?x8xf32> into tensor<?x8x1x1xf32>
// CHECK: return %[[RES]]
func.func @global_avg_pool(%x: tensor<?x8x5x5xf32>) -> tensor<?x8x1x1xf32> {
  %y = tl.global_avg_pool %x : (tensor<?x8x5x5xf32>) -> tensor<?x8x1x1xf32>
  return %y : tensor<?x8x1x1xf32>
}

// CHECK-LABEL: func.func @global_max_pool
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<2x8xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction"]
// CHECK: arith.maximumf
// CHECK: tensor.expand_shape %[[MAX]] {{\[}}[0], [1, 2, 3, 4]] output_shape [2, 8, 1, 1, 1]
func.func @global_max_pool(%x: tensor<2x8x3x4x5xf32>) -> tensor<2x8x1x1x1xf32> {
  %y = tl.global_max_pool %x : (tensor<2x8x3x4x5xf32>) -> tensor<2x8x1x1x1xf32>
  return %y : tensor<2x8x1x1x1xf32>
}

// Max pooling with indices: one generic reducing (value, index) pairs. An
// element wins when inside the unpadded input and greater, or equal with a
// smaller row-major flat index ((n * C + c) * H + h) * W + w (the initial
// index -1 is the largest unsigned value).
// CHECK-LABEL: func.func @max_pool_with_indices
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x5x5xf32>)
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<2x3x3x3xf32>)
// CHECK: %[[NONE:.*]] = arith.constant -1 : i64
// CHECK: %[[INDEX_INIT:.*]] = linalg.fill ins(%[[NONE]] : i64) outs(%{{.*}} : tensor<2x3x3x3xi64>)
// CHECK: %[[POOL:.*]]:2 = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]
// CHECK-SAME: ins(%[[PADDED]], %[[WINDOW]] : tensor<2x3x7x7xf32>, tensor<3x3xf32>) outs(%[[INIT]], %[[INDEX_INIT]] : tensor<2x3x3x3xf32>, tensor<2x3x3x3xi64>)
// CHECK: ^bb0(%[[ELEM:.*]]: f32, %{{.*}}: f32, %[[ACC:.*]]: f32, %[[ACC_INDEX:.*]]: i64):
// CHECK: %[[IN_H:.*]] = arith.andi
// CHECK: %[[IN_W:.*]] = arith.andi
// CHECK: %[[INSIDE:.*]] = arith.andi %[[IN_H]], %[[IN_W]] : i1
// CHECK: %[[FLAT:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: %[[GREATER:.*]] = arith.cmpf ogt, %[[ELEM]], %[[ACC]] : f32
// CHECK: %[[EQUAL:.*]] = arith.cmpf oeq, %[[ELEM]], %[[ACC]] : f32
// CHECK: %[[EARLIER:.*]] = arith.cmpi ult, %[[FLAT]], %[[ACC_INDEX]] : i64
// CHECK: %[[TIE:.*]] = arith.andi %[[EQUAL]], %[[EARLIER]] : i1
// CHECK: %[[BETTER:.*]] = arith.ori %[[GREATER]], %[[TIE]] : i1
// CHECK: %[[TAKE:.*]] = arith.andi %[[INSIDE]], %[[BETTER]] : i1
// CHECK: %[[V:.*]] = arith.select %[[TAKE]], %[[ELEM]], %[[ACC]] : f32
// CHECK: %[[I:.*]] = arith.select %[[TAKE]], %[[FLAT]], %[[ACC_INDEX]] : i64
// CHECK: linalg.yield %[[V]], %[[I]] : f32, i64
// CHECK: return %[[POOL]]#0, %[[POOL]]#1
func.func @max_pool_with_indices(%x: tensor<2x3x5x5xf32>) -> (tensor<2x3x3x3xf32>, tensor<2x3x3x3xi64>) {
  %y, %i = tl.max_pool_with_indices %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<2x3x5x5xf32>) -> (tensor<2x3x3x3xf32>, tensor<2x3x3x3xi64>)
  return %y, %i : tensor<2x3x3x3xf32>, tensor<2x3x3x3xi64>
}

// Column-major indices: the row-major ones rewritten with h fastest,
// plane * H * W + w * H + h.
// CHECK-LABEL: func.func @max_pool_with_indices_column_major
// CHECK: %[[POOL:.*]]:2 = linalg.generic
// CHECK: %[[COLS:.*]] = linalg.generic {{.*}} ins(%[[POOL]]#1 : tensor<1x1x2x2xi64>)
// CHECK: ^bb0(%[[V:.*]]: i64, %{{.*}}: i64):
// CHECK: %[[W:.*]] = arith.remsi %[[V]], %{{.*}} : i64
// CHECK: %[[REST:.*]] = arith.divsi %[[V]], %{{.*}} : i64
// CHECK: %[[H:.*]] = arith.remsi %[[REST]], %{{.*}} : i64
// CHECK: %[[PLANE:.*]] = arith.divsi %[[REST]], %{{.*}} : i64
// CHECK: %[[BASE:.*]] = arith.muli
// CHECK: %[[BASE2:.*]] = arith.muli %[[BASE]], %{{.*}} : i64
// CHECK: %[[WH:.*]] = arith.muli %{{.*}}, %[[W]] : i64
// CHECK: %[[POS:.*]] = arith.addi %[[H]], %[[WH]] : i64
// CHECK: %[[R:.*]] = arith.addi %[[BASE2]], %[[POS]] : i64
// CHECK: linalg.yield %[[R]] : i64
// CHECK: return %[[POOL]]#0, %[[COLS]]
func.func @max_pool_with_indices_column_major(%x: tensor<1x1x5x5xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) {
  %y, %i = tl.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, storage_order = #tl<storage_order column_major>} : (tensor<1x1x5x5xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  return %y, %i : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
}
