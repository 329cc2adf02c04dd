//===- ModelHeader.h - The C header of a compiled model ---------*- C++ -*-===//

#ifndef TLC_TARGET_CPU_MODELHEADER_H
#define TLC_TARGET_CPU_MODELHEADER_H

#include "tlc/Target/CPU/ModelABI.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir {
namespace tlc {

/// Writes the C header declaring the API of the model `abi` compiled with
/// symbol prefix `name` (the ABI types of tlc/Runtime/ABI.h included, so the
/// header stands alone). `source` names the model file in a comment.
void writeModelHeader(const ModelABI &abi, llvm::StringRef name,
                      llvm::StringRef source, llvm::raw_ostream &os);

} // namespace tlc
} // namespace mlir

#endif // TLC_TARGET_CPU_MODELHEADER_H
