//===- TLReductionOps.td - tl reductions ------------------*- tablegen -*-===//

#ifndef TL_REDUCTION_OPS_TD
#define TL_REDUCTION_OPS_TD

include "tl/IR/TLBase.td"

class TL_ReduceOp<string mnemonic, string formula>
    : TL_InferOp<mnemonic> {
  let summary = formula # " over the given axes";
  let description = "Reduces `input` with " # formula # " over `axes` "
    # "(all axes when absent; negative axes count from the back). With "
    # "`keepdims` (the default) reduced dimensions stay as size 1.\n\n"
    # "```mlir\n%y = tl." # mnemonic
    # " %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>\n```";
  let arguments = (ins TL_NumericTensor:$input,
                   OptionalAttr<DenseI64ArrayAttr>:$axes,
                   DefaultValuedAttr<BoolAttr, "true">:$keepdims);
  let results = (outs TL_NumericTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    /// The reduced axes, normalized to [0, rank) and sorted.
    ::llvm::SmallVector<int64_t> getNormalizedAxes() {
      return ::mlir::tl::detail::getReducedAxes(getInput().getType().getRank(),
                                                getAxes());
    }
  }];
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                            ::mlir::TypeRange actual) {
      return ::mlir::tl::areCompatibleReturnTypes(inferred, actual);
    }
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> location,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &inferred) {
      return ::mlir::tl::detail::inferReduceType(
          location, adaptor.getInput().getType(), adaptor.getAxes(),
          adaptor.getKeepdims(), inferred);
    }
  }];
}

def TL_ReduceSumOp : TL_ReduceOp<"reduce_sum", "sum">;
def TL_ReduceMeanOp : TL_ReduceOp<"reduce_mean", "arithmetic mean">;
def TL_ReduceMaxOp : TL_ReduceOp<"reduce_max", "maximum">;
def TL_ReduceMinOp : TL_ReduceOp<"reduce_min", "minimum">;
def TL_ReduceProdOp : TL_ReduceOp<"reduce_prod", "product">;

class TL_ArgReduceOp<string mnemonic, string what> : TL_InferOp<mnemonic> {
  let summary = "index of the " # what # " along one axis";
  let description = "Returns the `i64` index of the " # what # " along "
    # "`axis`; ties resolve to the first occurrence, or the last with "
    # "`select_last_index`.\n\n```mlir\n%i = tl." # mnemonic
    # " %x {axis = 1 : i64, keepdims = false} : (tensor<2x10xf32>) -> tensor<2xi64>\n```";
  let arguments = (ins TL_NumericTensor:$input,
                   DefaultValuedAttr<I64Attr, "0">:$axis,
                   DefaultValuedAttr<BoolAttr, "true">:$keepdims,
                   DefaultValuedAttr<BoolAttr, "false">:$select_last_index);
  let results = (outs RankedTensorOf<[I64]>:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                            ::mlir::TypeRange actual) {
      return ::mlir::tl::areCompatibleReturnTypes(inferred, actual);
    }
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> location,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &inferred) {
      return ::mlir::tl::detail::inferArgReduceType(
          location, adaptor.getInput().getType(), adaptor.getAxis(),
          adaptor.getKeepdims(), inferred);
    }
  }];
}

def TL_ArgMaxOp : TL_ArgReduceOp<"argmax", "maximum">;
def TL_ArgMinOp : TL_ArgReduceOp<"argmin", "minimum">;

#endif // TL_REDUCTION_OPS_TD
