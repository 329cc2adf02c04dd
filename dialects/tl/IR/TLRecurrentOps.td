//===- TLRecurrentOps.td - tl recurrent layers ------------*- tablegen -*-===//
//
// TensorLayer's RNN layers (SimpleRNN, GRU, LSTM cells run over a sequence),
// with ONNX's weight layout and semantics so that RNN, GRU and LSTM nodes
// import one to one.
//
//===----------------------------------------------------------------------===//

#ifndef TL_RECURRENT_OPS_TD
#define TL_RECURRENT_OPS_TD

include "tl/IR/TLBase.td"

def TL_RNNDirection : I32EnumAttr<"RNNDirection",
    "which way a recurrent layer runs over the sequence", [
      I32EnumAttrCase<"forward", 0>,
      I32EnumAttrCase<"reverse", 1>,
      I32EnumAttrCase<"bidirectional", 2>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_RNNDirectionAttr
    : EnumAttr<TL_Dialect, TL_RNNDirection, "rnn_direction">;

// Operands and attributes every recurrent layer has. `extraOperands` and
// `extraAttrs` are appended (LSTM's initial_c and peepholes, GRU's
// linear_before_reset).
class TL_RecurrentOp<string mnemonic, dag extraOperands, dag extraAttrs,
                     dag resultDag, string extraFormat>
    : TL_InferOp<mnemonic, [AttrSizedOperandSegments]> {
  let arguments = !con(
      (ins TL_FloatTensor:$input, TL_FloatTensor:$weight,
           TL_FloatTensor:$recurrence, Optional<TL_FloatTensor>:$bias,
           Optional<TL_IndexTensor>:$sequence_lens,
           Optional<TL_FloatTensor>:$initial_h),
      extraOperands,
      (ins ConfinedAttr<I64Attr, [IntPositive]>:$hidden_size,
           DefaultValuedAttr<TL_RNNDirectionAttr,
                             "RNNDirection::forward">:$direction,
           OptionalAttr<StrArrayAttr>:$activations,
           OptionalAttr<DenseF32ArrayAttr>:$activation_alpha,
           OptionalAttr<DenseF32ArrayAttr>:$activation_beta,
           OptionalAttr<F32Attr>:$clip,
           DefaultValuedAttr<BoolAttr, "false">:$batch_major),
      extraAttrs);
  let results = resultDag;
  let assemblyFormat = [{
    $input `,` $weight `,` $recurrence (`bias` $bias^)?
    (`sequence_lens` $sequence_lens^)? (`initial_h` $initial_h^)?
  }] # extraFormat # [{
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The number of gates of one cell (1 RNN, 3 GRU, 4 LSTM).
    static int64_t getNumGates();
    /// The activations of one cell when `activations` is absent.
    static ::llvm::ArrayRef<::llvm::StringRef> getDefaultActivations();
    int64_t getNumDirections() {
      return getDirection() == RNNDirection::bidirectional ? 2 : 1;
    }
  }];
}

def TL_RNNOp : TL_RecurrentOp<"rnn", (ins), (ins),
    (outs TL_FloatTensor:$output, TL_FloatTensor:$output_h), ""> {
  let summary = "simple (Elman) recurrent layer over a sequence";
  let description = [{
    TensorLayer's `SimpleRNN` run over a whole sequence, with ONNX `RNN`
    semantics: `H_t = f(X_t W^T + H_{t-1} R^T + Wb + Rb)`.

    * `input` is `[seq, batch, input_size]` (`[batch, seq, input_size]` with
      `batch_major`); `weight` `[D, hidden, input_size]`, `recurrence`
      `[D, hidden, hidden]`, `bias` `[D, 2 * hidden]` (Wb then Rb), where `D`
      is 2 for `bidirectional`, else 1.
    * `sequence_lens` (`[batch]`, i32 or i64) gives each batch entry's
      length: later steps output zeros and leave the state unchanged; a
      `reverse` direction starts at each entry's last valid step.
    * `initial_h` is `[D, batch, hidden]` (`[batch, D, hidden]` with
      `batch_major`), zeros when absent.
    * `activations` names `f` per direction (ONNX names: Relu, Tanh,
      Sigmoid, Affine, LeakyRelu, ThresholdedRelu, ScaledTanh, HardSigmoid,
      Elu, Softsign, Softplus; default Tanh), with one `activation_alpha` and
      `activation_beta` per activation (defaults of the ONNX operator of that
      name when absent). `clip` bounds every activation's input to
      `[-clip, clip]`.
    * `output` is every step's hidden state `[seq, D, batch, hidden]`
      (`[batch, seq, D, hidden]`), `output_h` the last one `[D, batch,
      hidden]` (`[batch, D, hidden]`).

    ```mlir
    %y, %yh = tl.rnn %x, %w, %r bias %b {hidden_size = 4 : i64}
        : (tensor<?x?x2xf32>, tensor<1x4x2xf32>, tensor<1x4x4xf32>, tensor<1x8xf32>)
        -> (tensor<?x1x?x4xf32>, tensor<1x?x4xf32>)
    ```
  }];
}

def TL_GRUOp : TL_RecurrentOp<"gru", (ins),
    (ins DefaultValuedAttr<BoolAttr, "false">:$linear_before_reset),
    (outs TL_FloatTensor:$output, TL_FloatTensor:$output_h), ""> {
  let summary = "gated recurrent unit layer over a sequence";
  let description = [{
    TensorLayer's `GRU` run over a whole sequence, with ONNX `GRU` semantics
    and gate order `z, r, h`:

    ```
    z = f(X W_z^T + H R_z^T + Wb_z + Rb_z)
    r = f(X W_r^T + H R_r^T + Wb_r + Rb_r)
    h = g(X W_h^T + (r * H) R_h^T + Rb_h + Wb_h)       (linear_before_reset = false)
    h = g(X W_h^T + r * (H R_h^T + Rb_h) + Wb_h)       (linear_before_reset = true)
    H' = (1 - z) * h + z * H
    ```

    Weights are `[D, 3 * hidden, input_size]` and `[D, 3 * hidden, hidden]`,
    the bias `[D, 6 * hidden]`; activations `f, g` per direction (default
    Sigmoid, Tanh). Everything else as `tl.rnn`.

    ```mlir
    %y, %yh = tl.gru %x, %w, %r {hidden_size = 5 : i64, linear_before_reset = true}
        : (tensor<?x?x2xf32>, tensor<1x15x2xf32>, tensor<1x15x5xf32>)
        -> (tensor<?x1x?x5xf32>, tensor<1x?x5xf32>)
    ```
  }];
}

def TL_LSTMOp : TL_RecurrentOp<"lstm",
    (ins Optional<TL_FloatTensor>:$initial_c, Optional<TL_FloatTensor>:$peepholes),
    (ins DefaultValuedAttr<BoolAttr, "false">:$input_forget),
    (outs TL_FloatTensor:$output, TL_FloatTensor:$output_h,
          TL_FloatTensor:$output_c),
    "(`initial_c` $initial_c^)? (`peepholes` $peepholes^)?"> {
  let summary = "long short-term memory layer over a sequence";
  let description = [{
    TensorLayer's `LSTM` run over a whole sequence, with ONNX `LSTM`
    semantics and gate order `i, o, f, c`:

    ```
    i = f(X W_i^T + H R_i^T + P_i * C + Wb_i + Rb_i)
    f = f(X W_f^T + H R_f^T + P_f * C + Wb_f + Rb_f)     (1 - i with input_forget)
    c = g(X W_c^T + H R_c^T + Wb_c + Rb_c)
    C' = f * C + i * c
    o = f(X W_o^T + H R_o^T + P_o * C' + Wb_o + Rb_o)
    H' = o * h(C')
    ```

    Weights are `[D, 4 * hidden, input_size]` and `[D, 4 * hidden, hidden]`,
    the bias `[D, 8 * hidden]`, the `peepholes` `[D, 3 * hidden]` (`i, o, f`);
    `initial_c` is shaped as `initial_h`; activations `f, g, h` per direction
    (default Sigmoid, Tanh, Tanh). `output_c` is the last cell state, shaped
    as `output_h`. Everything else as `tl.rnn`.

    ```mlir
    %y, %yh, %yc = tl.lstm %x, %w, %r bias %b initial_h %h0 initial_c %c0
        {hidden_size = 3 : i64, direction = #tl<rnn_direction bidirectional>}
        : (tensor<?x?x4xf32>, tensor<2x12x4xf32>, tensor<2x12x3xf32>, tensor<2x24xf32>,
           tensor<2x?x3xf32>, tensor<2x?x3xf32>)
        -> (tensor<?x2x?x3xf32>, tensor<2x?x3xf32>, tensor<2x?x3xf32>)
    ```
  }];
}

#endif // TL_RECURRENT_OPS_TD
