//===- TLBase.td - tl dialect definition, types and op bases -*- tablegen -*-=//
//
// The tl dialect: one op per TensorLayer layer or operator, on ranked tensors.
//
//===----------------------------------------------------------------------===//

#ifndef TL_BASE_TD
#define TL_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def TL_Dialect : Dialect {
  let name = "tl";
  let cppNamespace = "::mlir::tl";
  let summary = "TensorLayer layers and operators as MLIR ops on tensors";
  let description = [{
    The `tl` dialect is the entry point of the tlc compiler. Each op is one
    TensorLayer layer or operator (dense, conv, pooling, normalization,
    activations, elementwise math, reductions and tensor manipulation) acting
    on ranked tensors whose dimensions may be static or dynamic.

    Conventions:
    * Layouts are channels-first (`NC...`), as in ONNX and PyTorch; weights of
      convolutions are `[C_out, C_in / group, k...]`.
    * Elementwise binary ops broadcast their operands numpy-style.
    * Negative axes count from the back and are normalized by the verifiers;
      ops store the axes as given.
    * Every op infers its result type from its operands and attributes; an
      explicitly written result type must be compatible with it (equal, or
      dynamic on either side where the other is static); the
      `tl-infer-shapes` pass makes every result as static as inference
      allows.
  }];
  let hasConstantMaterializer = 1;
  let useDefaultAttributePrinterParser = 1;
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def TL_Float : AnyTypeOf<[F16, BF16, F32, F64], "floating-point">;
def TL_Int : AnyTypeOf<[I1, I8, I16, I32, I64, UI8, UI16, UI32, UI64],
                       "integer or bool">;
def TL_Element : AnyTypeOf<[TL_Float, TL_Int]>;
def TL_NumericElement : AnyTypeOf<[TL_Float, I8, I16, I32, I64, UI8, UI16,
                                   UI32, UI64], "numeric">;

def TL_Tensor : RankedTensorOf<[TL_Element]>;
def TL_FloatTensor : RankedTensorOf<[TL_Float]>;
def TL_NumericTensor : RankedTensorOf<[TL_NumericElement]>;
def TL_BoolTensor : RankedTensorOf<[I1]>;
def TL_IndexTensor : RankedTensorOf<[I32, I64]>;
def TL_IntOrBoolTensor : RankedTensorOf<[TL_Int]>;

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def TL_GeluApproximation : I32EnumAttr<"GeluApproximation",
    "approximation used by gelu", [
      I32EnumAttrCase<"none", 0>,
      I32EnumAttrCase<"tanh", 1>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_GeluApproximationAttr
    : EnumAttr<TL_Dialect, TL_GeluApproximation, "gelu_approximation">;

def TL_PadMode : I32EnumAttr<"PadMode", "how tl.pad fills the border", [
      I32EnumAttrCase<"constant", 0>,
      I32EnumAttrCase<"reflect", 1>,
      I32EnumAttrCase<"edge", 2>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_PadModeAttr : EnumAttr<TL_Dialect, TL_PadMode, "pad_mode">;

def TL_DepthToSpaceMode : I32EnumAttr<"DepthToSpaceMode",
    "channel order of tl.depth_to_space", [
      I32EnumAttrCase<"DCR", 0>,
      I32EnumAttrCase<"CRD", 1>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_DepthToSpaceModeAttr
    : EnumAttr<TL_Dialect, TL_DepthToSpaceMode, "depth_to_space_mode">;

def TL_ResizeMode : I32EnumAttr<"ResizeMode", "interpolation of tl.resize", [
      I32EnumAttrCase<"nearest", 0>,
      I32EnumAttrCase<"linear", 1>,
      I32EnumAttrCase<"cubic", 2>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_ResizeModeAttr : EnumAttr<TL_Dialect, TL_ResizeMode, "resize_mode">;

def TL_CoordinateTransform : I32EnumAttr<"CoordinateTransform",
    "how tl.resize maps output coordinates to input coordinates", [
      I32EnumAttrCase<"half_pixel", 0>,
      I32EnumAttrCase<"pytorch_half_pixel", 1>,
      I32EnumAttrCase<"align_corners", 2>,
      I32EnumAttrCase<"asymmetric", 3>,
      I32EnumAttrCase<"tf_half_pixel_for_nn", 4>,
      I32EnumAttrCase<"tf_crop_and_resize", 5>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_CoordinateTransformAttr
    : EnumAttr<TL_Dialect, TL_CoordinateTransform, "coordinate_transform">;

def TL_NearestMode : I32EnumAttr<"NearestMode",
    "rounding of tl.resize in nearest mode", [
      I32EnumAttrCase<"round_prefer_floor", 0>,
      I32EnumAttrCase<"round_prefer_ceil", 1>,
      I32EnumAttrCase<"floor", 2>,
      I32EnumAttrCase<"ceil", 3>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_NearestModeAttr
    : EnumAttr<TL_Dialect, TL_NearestMode, "nearest_mode">;

def TL_StorageOrder : I32EnumAttr<"StorageOrder",
    "how tl.max_pool_with_indices counts positions within a channel", [
      I32EnumAttrCase<"row_major", 0>,
      I32EnumAttrCase<"column_major", 1>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_StorageOrderAttr
    : EnumAttr<TL_Dialect, TL_StorageOrder, "storage_order">;

//===----------------------------------------------------------------------===//
// Op base classes
//===----------------------------------------------------------------------===//

class TL_Op<string mnemonic, list<Trait> traits = []>
    : Op<TL_Dialect, mnemonic, !listconcat([Pure], traits)>;

// An op whose result types are computed by a C++ `inferReturnTypes` from the
// operands and attributes. The written result type must be compatible with
// the inferred one (a dim may be dynamic on either side); tl-infer-shapes
// refines it.
class TL_InferOp<string mnemonic, list<Trait> traits = []>
    : TL_Op<mnemonic, !listconcat([InferTypeOpAdaptorWithIsCompatible], traits)> {
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                            ::mlir::TypeRange actual) {
      return ::mlir::tl::areCompatibleReturnTypes(inferred, actual);
    }
  }];
}

// Elementwise op of one operand whose result has the operand's type (the
// result type is inferred by ODS from SameOperandsAndResultType).
class TL_UnaryOp<string mnemonic, Type operandType, list<Trait> traits = []>
    : TL_Op<mnemonic, !listconcat([SameOperandsAndResultType, Elementwise,
                                   DeclareOpInterfaceMethods<InferTypeOpInterface>],
                                  traits)> {
  let arguments = (ins operandType:$input);
  let results = (outs operandType:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
}

// Elementwise op of two operands broadcast numpy-style; the result has the
// broadcast shape and the operands' element type, or i1 when `boolResult`.
class TL_BinaryOp<string mnemonic, Type operandType, Type resultType,
                  list<Trait> traits = [], bit boolResult = 0>
    : TL_InferOp<mnemonic, !listconcat([SameOperandsElementType], traits)> {
  let arguments = (ins operandType:$lhs, operandType:$rhs);
  let results = (outs resultType:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                            ::mlir::TypeRange actual) {
      return ::mlir::tl::areCompatibleReturnTypes(inferred, actual);
    }
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> location,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &inferred) {
      return ::mlir::tl::inferBroadcastResultType(
          location, adaptor.getLhs().getType(), adaptor.getRhs().getType(),
          }] # !if(boolResult, "/*boolResult=*/true", "/*boolResult=*/false") # [{,
          inferred);
    }
  }];
}

#endif // TL_BASE_TD
