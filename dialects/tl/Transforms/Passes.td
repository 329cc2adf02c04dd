//===- Passes.td - tl dialect transformation passes --------*- tablegen -*-===//

#ifndef TL_TRANSFORMS_PASSES_TD
#define TL_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def TLInferShapes : Pass<"tl-infer-shapes", "func::FuncOp"> {
  let summary = "Refine tl result types from their operands";
  let description = [{
    Recomputes the result type of every tl op from its operands in program
    order and keeps the more static of the written and inferred types, so that
    static sizes reach every op after an input type was refined (for example
    after specializing a dynamic batch). The function's result types are
    updated to match its return values.
  }];
  let dependentDialects = ["::mlir::tl::TLDialect"];
}

#endif // TL_TRANSFORMS_PASSES_TD
