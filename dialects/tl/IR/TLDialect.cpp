//===- TLDialect.cpp - tl dialect registration ------------------------------===//

#include "tl/IR/TLDialect.h"
#include "tl/IR/TLOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::tl;

#include "tl/IR/TLDialect.cpp.inc"
#include "tl/IR/TLEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "tl/IR/TLAttrs.cpp.inc"

void TLDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tl/IR/TLOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "tl/IR/TLAttrs.cpp.inc"
      >();
}

Operation *TLDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}
