// Stand-in for the artifact runtime's tlrt_parallel_for in execution tests:
// runs the iteration range as three uneven chunks on the calling thread, so
// that outlined loop bodies see begin/end other than 0/n.
llvm.func @tlrt_parallel_for(%n: i64, %fn: !llvm.ptr, %ctx: !llvm.ptr) {
  %c0 = llvm.mlir.constant(0 : i64) : i64
  %c3 = llvm.mlir.constant(3 : i64) : i64
  %a = llvm.sdiv %n, %c3 : i64
  %b = llvm.add %a, %a : i64
  %c = llvm.add %b, %c3 : i64
  %cmp = llvm.icmp "slt" %c, %n : i64
  %m = llvm.select %cmp, %c, %n : i1, i64
  llvm.call %fn(%ctx, %c0, %a) : !llvm.ptr, (!llvm.ptr, i64, i64) -> ()
  llvm.call %fn(%ctx, %a, %m) : !llvm.ptr, (!llvm.ptr, i64, i64) -> ()
  llvm.call %fn(%ctx, %m, %n) : !llvm.ptr, (!llvm.ptr, i64, i64) -> ()
  llvm.return
}
