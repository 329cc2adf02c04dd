//===- Epilogues.cpp - Elementwise consumers fused into tiles -------------===//
//
// See Epilogues.h. Upstream consumer fusion (scf::tileAndFuseConsumerOfSlices)
// makes the consumer's destination a new result of the loops and rejects a
// consumer whose destination is the loops' result; here the consumer works in
// place on the producer's result, so its tiles just replace the producer's
// tiles in the loops' destination.
//
//===----------------------------------------------------------------------===//

#include "Epilogues.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dominance.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/TilingInterface.h"

using namespace mlir;
using namespace mlir::tlc;

namespace {

bool isAllParallel(linalg::LinalgOp op) {
  return llvm::all_of(op.getIteratorTypesArray(), [](utils::IteratorType t) {
    return t == utils::IteratorType::parallel;
  });
}

/// Builds the tile of `epilogue` at `offsets`/`sizes` of its iteration space
/// (equal to its destination's index space) that updates `tile`, the
/// producer's value of that slice: the slices of the other operands are
/// created at the rewriter's insertion point, the tiled epilogue right before
/// `computePoint`. Returns the tile's value, of `tile`'s type.
FailureOr<Value> createEpilogueTile(RewriterBase &rewriter,
                                    linalg::GenericOp epilogue, Value tile,
                                    ArrayRef<OpFoldResult> offsets,
                                    ArrayRef<OpFoldResult> sizes,
                                    Operation *computePoint) {
  auto tileable = cast<TilingInterface>(epilogue.getOperation());
  FailureOr<TilingResult> tiled =
      tileable.getTiledImplementation(rewriter, offsets, sizes);
  if (failed(tiled) || tiled->tiledOps.size() != 1)
    return failure();
  auto tiledOp = cast<linalg::LinalgOp>(tiled->tiledOps.front());
  Location loc = tiledOp.getLoc();
  rewriter.moveOpBefore(tiledOp, computePoint);

  // The destination slice was taken of the epilogue's destination, which is
  // the value the loops compute; the tile takes the producer's tile instead.
  OpOperand *init = tiledOp.getDpsInitOperand(0);
  Value slice = init->get();
  rewriter.setInsertionPoint(tiledOp);
  Value source = tile;
  if (source.getType() != slice.getType())
    source = tensor::CastOp::create(rewriter, loc, slice.getType(), source);
  rewriter.modifyOpInPlace(tiledOp, [&] { init->set(source); });
  if (auto sliceOp = slice.getDefiningOp<tensor::ExtractSliceOp>())
    if (sliceOp->use_empty())
      rewriter.eraseOp(sliceOp);

  Value result = tiledOp->getResult(0);
  if (result.getType() != tile.getType()) {
    rewriter.setInsertionPointAfter(tiledOp);
    result = tensor::CastOp::create(rewriter, loc, tile.getType(), result);
  }
  return result;
}

/// Makes `ofr` (when it is a value) available right before `op`, moving the
/// pure ops of `op`'s block that compute it (the index arithmetic of tile
/// offsets) there if needed.
bool makeAvailableAt(RewriterBase &rewriter, OpFoldResult ofr, Operation *op,
                     DominanceInfo &dominance) {
  auto value = dyn_cast<Value>(ofr);
  if (!value || dominance.properlyDominates(value, op))
    return true;
  Operation *def = value.getDefiningOp();
  if (!def || def->getBlock() != op->getBlock() || !isPure(def) ||
      def->getNumRegions() != 0)
    return false;
  for (Value operand : def->getOperands())
    if (!makeAvailableAt(rewriter, operand, op, dominance))
      return false;
  rewriter.moveOpBefore(def, op);
  return true;
}

} // namespace

linalg::GenericOp mlir::tlc::makeEpilogueInPlace(RewriterBase &rewriter,
                                                 linalg::LinalgOp producer) {
  if (producer->getNumResults() != 1 || !producer.hasPureTensorSemantics())
    return nullptr;
  Value result = producer->getResult(0);
  if (!result.hasOneUse())
    return nullptr;
  OpOperand &use = *result.getUses().begin();
  auto consumer = dyn_cast<linalg::GenericOp>(use.getOwner());
  if (!consumer || !consumer.hasPureTensorSemantics() ||
      consumer.getNumDpsInits() != 1 || !isAllParallel(consumer))
    return nullptr;
  if (getEpilogue(producer) == consumer)
    return consumer;
  OpOperand *init = consumer.getDpsInitOperand(0);
  if (!consumer.isDpsInput(&use) || consumer->getResult(0).getType() !=
                                        result.getType() ||
      !consumer.getMatchingIndexingMap(&use).isIdentity() ||
      !consumer.getMatchingIndexingMap(init).isIdentity() ||
      consumer.payloadUsesValueFromOperand(init))
    return nullptr;

  // Upstream vectorization gives a generic without inputs whose payload reads
  // its destination and uses linalg.index (an average pool's divisor) a
  // write of the wrong rank: such consumers stay apart.
  if (consumer.getNumDpsInputs() == 1 &&
      !consumer.getBody()->getOps<linalg::IndexOp>().empty())
    return nullptr;

  // Same payload; the block argument of the producer's value moves from the
  // inputs to the destination, which the payload did not read before.
  unsigned position = use.getOperandNumber();
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (OpOperand *input : consumer.getDpsInputOperands()) {
    if (input == &use)
      continue;
    inputs.push_back(input->get());
    maps.push_back(consumer.getMatchingIndexingMap(input));
  }
  maps.push_back(consumer.getMatchingIndexingMap(init));
  rewriter.setInsertionPoint(consumer);
  auto inPlace = linalg::GenericOp::create(
      rewriter, consumer.getLoc(), TypeRange{result.getType()}, inputs,
      ValueRange{result}, maps, consumer.getIteratorTypesArray());
  inPlace->setDiscardableAttrs(consumer->getDiscardableAttrDictionary());
  rewriter.inlineRegionBefore(consumer.getRegion(), inPlace.getRegion(),
                              inPlace.getRegion().end());
  Block &body = inPlace.getRegion().front();
  BlockArgument produced = body.getArgument(position);
  BlockArgument out = body.getArgument(body.getNumArguments() - 1);
  rewriter.replaceAllUsesWith(produced, out);
  body.eraseArgument(position);
  rewriter.replaceOp(consumer, inPlace->getResults());
  return inPlace;
}

linalg::GenericOp mlir::tlc::getEpilogue(Operation *producer) {
  if (!producer || producer->getNumResults() != 1 ||
      !producer->getResult(0).hasOneUse())
    return nullptr;
  OpOperand &use = *producer->getResult(0).getUses().begin();
  auto consumer = dyn_cast<linalg::GenericOp>(use.getOwner());
  if (!consumer || !consumer.hasPureTensorSemantics() ||
      consumer.getNumDpsInits() != 1 || !consumer.isDpsInit(&use) ||
      !isAllParallel(consumer) ||
      !consumer.getMatchingIndexingMap(&use).isIdentity())
    return nullptr;
  return consumer;
}

LogicalResult mlir::tlc::fuseEpilogueIntoForall(RewriterBase &rewriter,
                                                scf::ForallOp forall,
                                                linalg::GenericOp epilogue) {
  Value dest = epilogue.getDpsInitOperand(0)->get();
  if (forall->getNumResults() != 1 || dest != forall->getResult(0) ||
      !dest.hasOneUse())
    return failure();
  BlockArgument out = forall.getRegionIterArgs().front();
  tensor::ParallelInsertSliceOp insert;
  for (Operation &op : forall.getTerminator().getYieldingOps())
    if (auto candidate = dyn_cast<tensor::ParallelInsertSliceOp>(&op))
      if (candidate.getDest() == out)
        insert = candidate;
  if (!insert || !insert.hasUnitStride())
    return failure();
  Operation *producer = insert.getSource().getDefiningOp();
  if (!producer || producer->getBlock() != forall.getBody())
    return failure();

  // The other operands' slices go before the block's producer, so that they
  // are available to the register tiles it will be split into.
  DominanceInfo dominance;
  auto available = [&](OpFoldResult ofr) {
    return makeAvailableAt(rewriter, ofr, producer, dominance);
  };
  if (!llvm::all_of(insert.getMixedOffsets(), available) ||
      !llvm::all_of(insert.getMixedSizes(), available))
    return failure();
  // The epilogue's operands are then available to the loop.
  rewriter.moveOpBefore(forall, epilogue);
  rewriter.setInsertionPoint(producer);
  FailureOr<Value> tile = createEpilogueTile(
      rewriter, epilogue, insert.getSource(), insert.getMixedOffsets(),
      insert.getMixedSizes(), forall.getTerminator());
  if (failed(tile))
    return failure();
  rewriter.modifyOpInPlace(insert,
                           [&] { insert.getSourceMutable().assign(*tile); });
  rewriter.replaceOp(epilogue, dest);
  return success();
}

LogicalResult mlir::tlc::fuseEpilogueIntoTiles(RewriterBase &rewriter,
                                               ArrayRef<Operation *> tiles,
                                               linalg::GenericOp epilogue) {
  Value dest = epilogue.getDpsInitOperand(0)->get();
  DominanceInfo dominance;
  SmallVector<tensor::InsertSliceOp> inserts;
  for (Operation *tile : tiles) {
    if (tile->getNumResults() != 1 || !tile->getResult(0).hasOneUse())
      return failure();
    auto insert =
        dyn_cast<tensor::InsertSliceOp>(*tile->getResult(0).user_begin());
    if (!insert || insert.getSource() != tile->getResult(0) ||
        !insert.hasUnitStride())
      return failure();
    for (OpOperand *input : epilogue.getDpsInputOperands())
      if (!dominance.properlyDominates(input->get(), insert))
        return failure();
    inserts.push_back(insert);
  }
  if (inserts.empty())
    return failure();
  for (tensor::InsertSliceOp insert : inserts) {
    rewriter.setInsertionPoint(insert);
    FailureOr<Value> tile =
        createEpilogueTile(rewriter, epilogue, insert.getSource(),
                           insert.getMixedOffsets(), insert.getMixedSizes(),
                           insert);
    if (failed(tile))
      return failure();
    rewriter.modifyOpInPlace(insert,
                             [&] { insert.getSourceMutable().assign(*tile); });
  }
  rewriter.replaceOp(epilogue, dest);
  return success();
}
