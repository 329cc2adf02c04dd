//===- InitAll.h - Register every tlc dialect, pass and pipeline ----------===//

#ifndef TLC_INITALL_H
#define TLC_INITALL_H

namespace mlir {
class DialectRegistry;
namespace tlc {

/// Adds the tl dialect (and those of other tlc targets) to `registry`.
void registerAllDialects(DialectRegistry &registry);

/// Registers every tlc pass, conversion and pipeline with the global pass
/// registry, so that tl-opt and the other tools can name them.
void registerAllPasses();

} // namespace tlc
} // namespace mlir

#endif // TLC_INITALL_H
