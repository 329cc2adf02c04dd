//===- TLDialect.h - tl dialect declaration ---------------------*- C++ -*-===//

#ifndef TL_IR_TLDIALECT_H
#define TL_IR_TLDIALECT_H

#include "mlir/IR/Dialect.h"

#include "tl/IR/TLDialect.h.inc"

#endif // TL_IR_TLDIALECT_H
