//===- TLControlFlowOps.td - tl control flow --------------*- tablegen -*-===//
//
// Conditionals and loops on tensors, with ONNX If / Loop semantics. Their
// regions may use values defined above (an ONNX subgraph's outer-scope
// references).
//
//===----------------------------------------------------------------------===//

#ifndef TL_CONTROL_FLOW_OPS_TD
#define TL_CONTROL_FLOW_OPS_TD

include "tl/IR/TLBase.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

def TL_YieldOp : Op<TL_Dialect, "yield", [Pure, Terminator, ReturnLike,
                                         ParentOneOf<["IfOp", "LoopOp"]>]> {
  let summary = "returns the values of a tl.if branch or a tl.loop iteration";
  let description = [{
    Terminates the regions of `tl.if` (the branch's results) and `tl.loop`
    (the continue condition, the new loop-carried values, then the scan
    elements of this iteration).

    ```mlir
    tl.yield %a, %b : tensor<4xf32>, tensor<i64>
    ```
  }];
  let arguments = (ins Variadic<TL_Tensor>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

def TL_IfOp : Op<TL_Dialect, "if", [RecursiveMemoryEffects, NoRegionArguments]> {
  let summary = "runs one of two regions depending on a boolean scalar";
  let description = [{
    ONNX `If`: `condition` is a boolean tensor of one element; the op's
    results are the values the chosen region yields. The two regions may
    yield tensors of different shapes (a result type is then dynamic where
    they differ), but of the same ranks and element types.

    ```mlir
    %r = tl.if %c : tensor<i1> -> tensor<5xf32> {
      tl.yield %a : tensor<5xf32>
    } else {
      tl.yield %b : tensor<5xf32>
    }
    ```
  }];
  let arguments = (ins TL_BoolTensor:$condition);
  let results = (outs Variadic<TL_Tensor>:$results);
  let regions = (region SizedRegion<1>:$then_region,
                        SizedRegion<1>:$else_region);
  let assemblyFormat = [{
    $condition `:` type($condition) (`->` type($results)^)? $then_region
    `else` $else_region attr-dict
  }];
  let hasVerifier = 1;
}

def TL_LoopOp : Op<TL_Dialect, "loop", [RecursiveMemoryEffects,
                                        AttrSizedOperandSegments]> {
  let summary = "generic loop with trip count, condition, carried values and scan outputs";
  let description = [{
    ONNX `Loop`. The body runs while the iteration number is below
    `max_trip_count` (when given) and the condition is true (`condition`
    before the first iteration, then the body's first yielded value). The
    body's block arguments are the iteration number (`tensor<i64>`), the
    condition (`tensor<i1>`) and the loop-carried values (starting at
    `initial`); it yields the next condition, the next loop-carried values
    and one scan element per scan output. The results are the final
    loop-carried values followed by the scan outputs, which stack every
    iteration's element along a new leading dimension.

    ```mlir
    %sum, %partial = tl.loop max_trip_count %n : tensor<i64> init(%zero : tensor<f32>)
        -> tensor<f32>, tensor<?xf32> {
    ^bb0(%i: tensor<i64>, %c: tensor<i1>, %acc: tensor<f32>):
      %next = tl.add %acc, %x : (tensor<f32>, tensor<f32>) -> tensor<f32>
      tl.yield %c, %next, %next : tensor<i1>, tensor<f32>, tensor<f32>
    }
    ```
  }];
  let arguments = (ins Optional<RankedTensorOf<[I64]>>:$max_trip_count,
                       Optional<TL_BoolTensor>:$condition,
                       Variadic<TL_Tensor>:$initial);
  let results = (outs Variadic<TL_Tensor>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    (`max_trip_count` $max_trip_count^ `:` type($max_trip_count))?
    (`cond` $condition^ `:` type($condition))?
    (`init` `(` $initial^ `:` type($initial) `)`)?
    (`->` type($results)^)? $body attr-dict
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The number of scan outputs (results after the loop-carried ones).
    unsigned getNumScanOutputs() {
      return getNumResults() - getInitial().size();
    }
  }];
}

#endif // TL_CONTROL_FLOW_OPS_TD
