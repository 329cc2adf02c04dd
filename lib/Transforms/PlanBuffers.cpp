//===- PlanBuffers.cpp - the tl-plan-buffers pass -------------------------===//
//
// Static memory planning of a function's temporaries: live ranges in the
// order of the function's top-level operations, offsets by first fit in
// decreasing size order, views of one arena instead of separate allocations.
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLPLANBUFFERS
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

constexpr int64_t kAlignment = 64;

struct Temporary {
  memref::AllocOp alloc;
  memref::DeallocOp dealloc;
  int64_t bytes;
  unsigned start, end;
  int64_t offset = -1;
};

/// Position (in `order`) of the top-level ancestor of `op`.
unsigned positionOf(Operation *op, Block *block,
                    const DenseMap<Operation *, unsigned> &order) {
  Operation *top = block->findAncestorOpInBlock(*op);
  return top ? order.lookup(top) : std::numeric_limits<unsigned>::max();
}

/// Computes the live range of the temporary; fails if the buffer or a view
/// of it escapes (is returned) or is used where order is unknown.
LogicalResult computeLiveRange(Temporary &t, Block *block,
                               const DenseMap<Operation *, unsigned> &order) {
  t.start = order.lookup(t.alloc);
  t.end = t.start;
  SmallVector<Value> worklist = {t.alloc.getResult()};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (user == t.dealloc)
        continue;
      if (isa<func::ReturnOp>(user))
        return failure();
      unsigned pos = positionOf(user, block, order);
      if (pos == std::numeric_limits<unsigned>::max())
        return failure();
      t.end = std::max(t.end, pos);
      // Whatever derives a buffer from this one may alias it.
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()))
          worklist.push_back(result);
    }
  }
  return success();
}

struct PlanBuffersPass
    : public tlc::impl::TLPlanBuffersBase<PlanBuffersPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal() || !func.getBody().hasOneBlock())
      return;
    Block *block = &func.getBody().front();
    DenseMap<Operation *, unsigned> order;
    unsigned index = 0;
    for (Operation &op : *block)
      order[&op] = index++;

    SmallVector<Temporary> temps;
    for (Operation &op : *block) {
      auto alloc = dyn_cast<memref::AllocOp>(&op);
      if (!alloc)
        continue;
      MemRefType type = alloc.getType();
      if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
          !type.getElementType().isIntOrIndexOrFloat() ||
          type.getElementType().isIndex() ||
          type.getElementTypeBitWidth() % 8 != 0 ||
          type.getMemorySpace())
        continue;
      memref::DeallocOp dealloc;
      for (Operation *user : alloc->getUsers())
        if (auto d = dyn_cast<memref::DeallocOp>(user))
          dealloc = d;
      if (!dealloc || dealloc->getBlock() != block)
        continue;
      int64_t bytes = type.getNumElements() * type.getElementTypeBitWidth() / 8;
      if (bytes == 0)
        continue;
      Temporary t{alloc, dealloc,
                  static_cast<int64_t>(llvm::alignTo(bytes, kAlignment)), 0, 0};
      if (succeeded(computeLiveRange(t, block, order)))
        temps.push_back(t);
    }
    if (temps.size() < 2)
      return;

    // First fit in decreasing size order.
    SmallVector<Temporary *> bySize;
    for (Temporary &t : temps)
      bySize.push_back(&t);
    llvm::sort(bySize, [](Temporary *a, Temporary *b) {
      return std::make_pair(-a->bytes, a->start) <
             std::make_pair(-b->bytes, b->start);
    });
    SmallVector<Temporary *> placed;
    int64_t total = 0;
    for (Temporary *t : bySize) {
      SmallVector<std::pair<int64_t, int64_t>> busy;
      for (Temporary *p : placed)
        if (p->start <= t->end && t->start <= p->end)
          busy.push_back({p->offset, p->offset + p->bytes});
      llvm::sort(busy);
      int64_t offset = 0;
      for (auto [begin, end] : busy) {
        if (offset + t->bytes <= begin)
          break;
        offset = std::max(offset, end);
      }
      t->offset = offset;
      total = std::max(total, offset + t->bytes);
      placed.push_back(t);
    }

    IRRewriter rewriter(&getContext());
    Location loc = func.getLoc();
    rewriter.setInsertionPointToStart(block);
    auto arenaType =
        MemRefType::get({total}, IntegerType::get(&getContext(), 8));
    Value arena = memref::AllocOp::create(rewriter, loc, arenaType,
                                          rewriter.getI64IntegerAttr(kAlignment));
    for (Temporary &t : temps) {
      rewriter.setInsertionPoint(t.alloc);
      Value offset =
          arith::ConstantIndexOp::create(rewriter, t.alloc.getLoc(), t.offset);
      Value view = memref::ViewOp::create(rewriter, t.alloc.getLoc(),
                                          t.alloc.getType(), arena, offset,
                                          ValueRange{});
      rewriter.replaceOp(t.alloc, view);
      rewriter.eraseOp(t.dealloc);
    }
    rewriter.setInsertionPoint(block->getTerminator());
    memref::DeallocOp::create(rewriter, loc, arena);
  }
};

} // namespace
