//===- Passes.td - tlc codegen passes ----------------------*- tablegen -*-===//

#ifndef TLC_TRANSFORMS_PASSES_TD
#define TLC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def TLRequestCInterfaces : Pass<"tl-request-c-interfaces", "func::FuncOp"> {
  let summary = "Request C-interface wrappers for public function definitions";
  let description = [{
    Sets `llvm.emit_c_interface` on every public function with a body, so
    that the conversion to LLVM emits `_mlir_ciface_<name>` wrappers taking
    memref descriptors by pointer (the artifact ABI). Declarations of
    external functions are left alone: they keep being called with the
    plain calling convention.
  }];
}

def TLPrepareCodegen : Pass<"tl-prepare-codegen", "func::FuncOp"> {
  let summary = "Decompose tensor ops that the CPU codegen does not tile";
  let description = [{
    Rewrites ops into the structured forms that tl-tile-and-fuse handles:
    `tensor.pad` becomes a `linalg.fill` of the padded shape plus a
    `tensor.insert_slice` of the source (for static shapes the fill goes on a
    `bufferization.alloc_tensor` placed before the source's producer, so that
    the producer can write into the padded buffer and same-shaped paddings
    keep separate buffers), `tensor.concat` a chain of
    `tensor.insert_slice`, and aggregate linalg ops (`linalg.softmax`) their
    `linalg.generic` decomposition.
  }];
  let dependentDialects = [
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def TLPackConvFilters : Pass<"tl-pack-conv-filters", "func::FuncOp"> {
  let summary = "Give convolution filters the output channel innermost";
  let description = [{
    Rewrites a convolution whose filter does not have the output channel as
    its innermost dimension (e.g. `linalg.conv_2d_nchw_fchw`, grouped and 1-D
    or 3-D variants) into a `linalg.generic` that reads a transposed filter,
    so that the CPU micro-kernel loads filter vectors along the output
    channels and broadcasts input elements, whatever the spatial size and
    stride. When the output channels are a multiple of `lane-block`, the
    channel loop is split into blocks and lanes (one more loop) and the
    filter is packed block-major (FCHW becomes [F/b, C, H, W, b]): the panel
    of one block is contiguous, which keeps it in cache (channel strides of
    a power of two would map a CHWF panel onto few cache sets). The generic
    names its lane and row loops with `tl.lane_dim`/`tl.row_dim`. Otherwise
    the output channel just moves last (CHWF). Constant filters are
    transposed at compile time by tl-fold-constant-transposes.

    Example:

    ```mlir
    %r = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x64x58x58xf32>,
                                          tensor<64x64x3x3xf32>) outs(...)
    ```

    becomes a `linalg.transpose` of `%w` to `tensor<64x3x3x64xf32>` and a
    `linalg.generic` reading it through `(n, f, oh, ow, c, kh, kw) ->
    (c, kh, kw, f)` (with lane-block=0; with a block b dividing 64 the
    filter is [64/b, 64, 3, 3, b]).
  }];
  let options = [
    Option<"laneBlock", "lane-block", "int64_t", /*default=*/"32",
           "Output channels per packed block (0: no blocking)">,
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def TLPackMatmul : Pass<"tl-pack-matmul", "func::FuncOp"> {
  let summary = "Pack the right-hand side of matmuls into column panels";
  let description = [{
    Rewrites a `linalg.matmul` (plain, or reading B transposed as dense
    layers do) whose N is a multiple of `lane-block` into a
    `linalg.generic` over (m, n1, n0, k) that reads B packed as
    [N/b, K, b] (each panel of b columns contiguous and freshly allocated,
    hence aligned) and writes C viewed as [M, N/b, b]. The micro-kernel then
    loads B vectors from one contiguous stream instead of rows N apart (which
    map onto few cache sets when N is a power of two, and split cache lines
    when the caller's buffer is not 64-byte aligned). Packing a constant B
    happens at compile time (tl-fold-constant-transposes); a variable B is
    only packed when M is at least `min-rows`, so that the copy is amortized.
  }];
  let options = [
    Option<"laneBlock", "lane-block", "int64_t", /*default=*/"32",
           "Columns per packed panel">,
    Option<"minRows", "min-rows", "int64_t", /*default=*/"16",
           "Smallest M for which a non-constant B is packed">,
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def TLFoldConstantTransposes
    : Pass<"tl-fold-constant-transposes", "func::FuncOp"> {
  let summary = "Fold transposes of constant tensors";
  let description = [{
    Replaces a `linalg.transpose` (or a `linalg.generic` that only permutes
    its single input) of an `arith.constant` with a constant holding the
    permuted data. Elements attributes stay elements attributes and
    `dense_resource` blobs become new blobs, so the weights a layout change
    touches are permuted once, at compile time.
  }];
}

def TLTileAndFuse : Pass<"tl-tile-and-fuse", "func::FuncOp"> {
  let summary = "Tile linalg ops on tensors into parallel blocks and "
                "register tiles";
  let description = [{
    Tiles every linalg op on tensors for the CPU. First a distribution level:
    an `scf.forall` over cache-sized blocks (an `scf.for` nest, or nothing,
    when `parallel` is off) into which `linalg.fill`/`tensor.empty`
    initializations of the destinations are fused. Then a register level,
    peeled so that all but the boundary tiles have static shapes, whose tiles
    are the vector micro-kernels:

    * contractions (matmul, batch_matmul, matvec): rows x (2 vectors) of the
      output, with the k loop blocked for the caches and then left as a loop
      of single iterations;
    * convolutions: output columns x (2 vectors) of output channels (after
      tl-pack-conv-filters), reductions over channels and the window as
      unit loops;
    * windows (pooling, depthwise): vectors of output columns;
    * elementwise ops and reductions: vectors along the innermost loop of
      the first input, other loops as unit loops.

    The elementwise consumer of a contraction, convolution or window op (its
    epilogue: bias, activation, residual add, fused into one generic by
    elementwise fusion) is rewritten to update the producer's result in
    place (the result becomes its `outs`) and is fused into the producer's
    tiles: its block joins each `scf.forall` block after the producer, and
    its register tile follows each register tile of the producer, on the
    same slice, once the tile holds final values (not inside a blocked k
    loop, where the epilogue stays at the block level). The epilogue then
    runs on values in registers or L1 instead of as another pass over
    memory.

    A contraction whose B is packed on every call (tl-pack-matmul's
    transpose of a variable operand) is first split, with `parallel`, into a
    sequential loop over blocks of 256 columns, into which the packing is
    fused: each block packs its own panels right before the (distributed)
    contraction uses them, while they are in cache, as BLIS packs per block.

    tl-vectorize then turns the register tiles into vector code.
  }];
  let options = [
    Option<"parallel", "parallel", "bool", /*default=*/"true",
           "Distribute the outer blocks with scf.forall">,
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"16",
           "Lanes of an f32 machine vector (16 for AVX-512, 8 for AVX2)">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def TLVectorize : Pass<"tl-vectorize", "func::FuncOp"> {
  let summary = "Vectorize register tiles and hoist their accumulators";
  let description = [{
    Vectorizes every linalg op on tensors whose iteration space is bounded by
    `max-vector-elements` points: convolution and pooling tiles into
    broadcast/vector-load micro-kernels (their indexing maps are not
    permutations, which upstream vectorization requires), everything else
    with upstream linalg vectorization (masked for boundary tiles with
    dynamic sizes). Tensor slices are then folded into the vector transfers
    and loop-invariant read/write pairs of loop-carried tensors are hoisted,
    so that reduction loops carry their accumulators in vector registers.
    Ops that cannot be vectorized are left for loop lowering.
  }];
  let options = [
    Option<"maxVectorElements", "max-vector-elements", "int64_t",
           /*default=*/"4096",
           "Largest iteration space (in points) that is vectorized">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::ub::UBDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def TLCopyAliasedResults : Pass<"tl-copy-aliased-results", "func::FuncOp"> {
  let summary = "Give every returned buffer its own allocation";
  let description = [{
    Runs after buffer deallocation, when each returned memref is an
    allocation owned by the caller. A function that returns the same buffer
    twice (`return %m, %m`, or views of one allocation) would have the caller
    free it twice; every repeated result is replaced by a fresh `memref.alloc`
    holding a copy.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def TLResultsToOutParams : Pass<"tl-results-to-out-params", "ModuleOp"> {
  let summary = "Write static-shaped results of public functions into "
                "caller buffers";
  let description = [{
    Runs after buffer deallocation (and tl-copy-aliased-results), when every
    returned memref is an allocation the caller would own. Each result of a
    public function that has a static shape and the identity layout becomes
    a trailing argument (an out-param) marked `tl.result = <index of the
    result>`, into which the function writes its result: the allocation the
    result was computed in (reached through `memref.expand_shape` and
    `memref.collapse_shape` views) is replaced by the out-param itself, so
    the result is computed in place; any other value (an argument, a
    constant, a view that is not the whole buffer) is copied into it, and
    the buffer the caller would have freed is freed after the copy.
    Results with dynamic sizes stay results.

    The caller, typically the artifact runtime, passes buffers it owns (the
    user's output buffers), so that large results neither page-fault on
    fresh allocations nor need a copy. The out-params must not overlap the
    function's other arguments. Functions that are called inside the module
    keep their signature.

    Example:

    ```mlir
    func.func @f(%a: memref<4xf32>) -> memref<4xf32> {
      %r = memref.alloc() : memref<4xf32>
      ... writes %r ...
      return %r : memref<4xf32>
    }
    ```

    becomes

    ```mlir
    func.func @f(%a: memref<4xf32>, %r: memref<4xf32> {tl.result = 0 : i64}) {
      ... writes %r ...
      return
    }
    ```
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def TLPlanBuffers : Pass<"tl-plan-buffers", "func::FuncOp"> {
  let summary = "Place a function's temporary buffers in one arena";
  let description = [{
    Runs after buffer deallocation. The static-shaped buffers that a function
    allocates at its top level and frees itself are given offsets in one
    64-byte aligned arena allocated at entry and freed at the return: two
    buffers share bytes only when their live ranges (from the allocation to
    the last use of the buffer or of a view of it) do not overlap. The
    function then needs one allocation per call instead of one per
    temporary (whose first touches would page-fault on every call), and its
    footprint is the peak of the live temporaries instead of their sum.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def TLLowerCopies : Pass<"tl-lower-copies"> {
  let summary = "Lower non-contiguous memref.copy to vector loops";
  let description = [{
    The LLVM lowering of a `memref.copy` between buffers that are not both
    contiguous calls `memrefCopy` of MLIR's runner utils, which compiled
    models must not depend on. This pass rewrites such copies into loop
    nests whose innermost loop moves vectors (masked at the tail) when both
    innermost strides are one, and scalars otherwise.
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"16",
           "Elements moved per vector">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::ub::UBDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def TLLowerVectors : Pass<"tl-lower-vectors"> {
  let summary = "Lower n-D vector ops to 1-D machine vector operations";
  let description = [{
    Runs after bufferization: `vector.contract` becomes outer products and
    then one `vector.fma` per accumulator row, multi-reductions, transposes,
    broadcasts, shape casts and masks become 1-D operations, n-D transfers
    are unrolled to 1-D loads and stores, and math functions are replaced by
    polynomial approximations that vectorize.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def TLParallelToRuntime : Pass<"tl-parallel-to-runtime", "ModuleOp"> {
  let summary = "Run outermost scf.forall loops through tlrt_parallel_for";
  let description = [{
    Outlines the body of every outermost `scf.forall` (on buffers) into an
    internal function `void f(void *ctx, int64_t begin, int64_t end)` that
    runs the linearized iterations `[begin, end)`, and replaces the loop with
    a context struct of the captured values (memrefs as their LLVM
    descriptors) and a call to the artifact runtime's

    ```c
    void tlrt_parallel_for(int64_t n,
                           void (*fn)(void *ctx, int64_t begin, int64_t end),
                           void *ctx);
    ```

    Nested foralls become sequential loops. A loop whose captures cannot be
    passed in the context runs sequentially.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::LLVM::LLVMDialect",
    "::mlir::scf::SCFDialect",
  ];
}

#endif // TLC_TRANSFORMS_PASSES_TD
