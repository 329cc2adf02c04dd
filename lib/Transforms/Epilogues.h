//===- Epilogues.h - Elementwise consumers fused into tiles -----*- C++ -*-===//
//
// tl-tile-and-fuse fuses the elementwise op that consumes a contraction,
// convolution or window op (bias, activation, residual add: its epilogue)
// into the producer's tiles, so that the epilogue runs on each register tile
// while it is in registers or L1 instead of as another pass over memory:
//
//  1. makeEpilogueInPlace: the consumer takes the producer's result as its
//     destination (it updates the producer's result in place), so that both
//     share one buffer and every tile of the consumer is the same slice of
//     it as the producer's tile;
//  2. fuseEpilogueIntoForall: after the producer is distributed over an
//     scf.forall, the consumer's tile for each block joins the block;
//  3. fuseEpilogueIntoTiles: after the producer's block is tiled into
//     register tiles, the consumer's tile for each register tile follows it
//     inside the tile loops.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_LIB_TRANSFORMS_EPILOGUES_H
#define TLC_LIB_TRANSFORMS_EPILOGUES_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace tlc {

/// Rewrites the single elementwise consumer of `producer`'s result, when it
/// reads it with an identity map and has the same result type, into a
/// generic that takes that result as its destination (`outs`) instead of as
/// an input. Returns the rewritten consumer, or null when there is none.
linalg::GenericOp makeEpilogueInPlace(RewriterBase &rewriter,
                                      linalg::LinalgOp producer);

/// The epilogue of `producer` as makeEpilogueInPlace leaves it: an
/// all-parallel generic whose only destination, with an identity map, is the
/// producer's single result, which has no other use. Null when there is none.
linalg::GenericOp getEpilogue(Operation *producer);

/// `forall` computes `epilogue`'s destination (its result `resultIndex`, used
/// only by the epilogue), one block per iteration. Computes the epilogue's
/// tile of each block in the block, right after the block's producer, and
/// replaces the epilogue by the loop's result.
LogicalResult fuseEpilogueIntoForall(RewriterBase &rewriter,
                                     scf::ForallOp forall,
                                     linalg::GenericOp epilogue);

/// `tiles` are the tiles of the producer of `epilogue`'s destination, each
/// inserted into the loop-carried destination by a tensor.insert_slice.
/// Computes the epilogue's tile after each of them and replaces the
/// epilogue by its destination. Fails without changes unless every tile has
/// that form.
LogicalResult fuseEpilogueIntoTiles(RewriterBase &rewriter,
                                    ArrayRef<Operation *> tiles,
                                    linalg::GenericOp epilogue);

} // namespace tlc
} // namespace mlir

#endif // TLC_LIB_TRANSFORMS_EPILOGUES_H
