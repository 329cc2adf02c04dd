//===- TLOps.td - tl dialect operations --------------------*- tablegen -*-===//
//
// The op definitions are split by family; this file gathers them so that one
// TableGen run generates the whole dialect.
//
//===----------------------------------------------------------------------===//

#ifndef TL_OPS_TD
#define TL_OPS_TD

include "tl/IR/TLBase.td"
include "tl/IR/TLControlFlowOps.td"
include "tl/IR/TLElementwiseOps.td"
include "tl/IR/TLIndexingOps.td"
include "tl/IR/TLNNOps.td"
include "tl/IR/TLRecurrentOps.td"
include "tl/IR/TLReductionOps.td"
include "tl/IR/TLTensorOps.td"
include "tl/IR/TLQuantOps.td"
include "tl/IR/TLEinsumOps.td"
include "tl/IR/TLSamplingOps.td"
include "tl/IR/TLLossOps.td"
include "tl/IR/TLPositionalOps.td"

#endif // TL_OPS_TD
