//===- Passes.td - tlc conversion passes -------------------*- tablegen -*-===//

#ifndef TLC_CONVERSION_PASSES_TD
#define TLC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertTLToLinalg : Pass<"convert-tl-to-linalg", "func::FuncOp"> {
  let summary = "Lower tl ops to linalg, tensor, arith and math on tensors";
  let description = [{
    Rewrites every tl op into destination-passing linalg ops (named ops where
    one fits: matmul, convolutions, pooling; `linalg.generic` otherwise) plus
    `tensor`, `arith` and `math` ops, keeping value semantics so that fusion
    and tiling run on tensors before bufferization. Dynamic dimensions are
    read with `tensor.dim`. Fails with the op's location when a tl op has no
    lowering.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::index::IndexDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // TLC_CONVERSION_PASSES_TD
