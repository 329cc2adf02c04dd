// RUN: tl-opt %s -split-input-file -verify-diagnostics

// Verifier errors of tl.if, tl.loop and tl.yield.

func.func @if_condition(%c: tensor<2xi1>, %a: tensor<5xf32>) {
  // expected-error @+1 {{condition must hold one element}}
  %r = tl.if %c : tensor<2xi1> -> tensor<5xf32> {
    tl.yield %a : tensor<5xf32>
  } else {
    tl.yield %a : tensor<5xf32>
  }
  return
}

// -----

func.func @if_yield_count(%c: tensor<i1>, %a: tensor<5xf32>) {
  // expected-error @+1 {{else region yields 2 values, expected 1}}
  %r = tl.if %c : tensor<i1> -> tensor<5xf32> {
    tl.yield %a : tensor<5xf32>
  } else {
    tl.yield %a, %a : tensor<5xf32>, tensor<5xf32>
  }
  return
}

// -----

func.func @if_yield_type(%c: tensor<i1>, %a: tensor<5xf32>, %b: tensor<5x1xf32>) {
  // expected-error @+1 {{then region value #0 has type 'tensor<5x1xf32>', incompatible with 'tensor<5xf32>'}}
  %r = tl.if %c : tensor<i1> -> tensor<5xf32> {
    tl.yield %b : tensor<5x1xf32>
  } else {
    tl.yield %a : tensor<5xf32>
  }
  return
}

// -----

func.func @loop_arguments(%n: tensor<i64>, %x: tensor<f32>) {
  // expected-error @+1 {{body must take the iteration number, the condition and 1 loop-carried values}}
  %r = tl.loop max_trip_count %n : tensor<i64> init(%x : tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    tl.yield %c, %x : tensor<i1>, tensor<f32>
  }
  return
}

// -----

func.func @loop_carried_type(%n: tensor<i64>, %x: tensor<f32>) {
  // expected-error @+1 {{loop-carried value #0 has incompatible initial, argument and result types}}
  %r = tl.loop max_trip_count %n : tensor<i64> init(%x : tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<2xf32>):
    tl.yield %c, %x : tensor<i1>, tensor<f32>
  }
  return
}

// -----

func.func @loop_scan_element(%n: tensor<i64>, %x: tensor<f32>) {
  // expected-error @+1 {{body value #1 has type 'tensor<f32>', incompatible with 'tensor<3xf32>'}}
  %r = tl.loop max_trip_count %n : tensor<i64> -> tensor<?x3xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    tl.yield %c, %x : tensor<i1>, tensor<f32>
  }
  return
}

// -----

func.func @loop_index_types(%n: tensor<i64>) {
  // expected-error @+1 {{body arguments #0 and #1 must be tensor<i64> and tensor<i1>}}
  tl.loop max_trip_count %n : tensor<i64> {
  ^bb0(%i: tensor<i32>, %c: tensor<i1>):
    tl.yield %c : tensor<i1>
  }
  return
}

// -----

func.func @yield_outside(%a: tensor<f32>) {
  // expected-error @+1 {{expects parent op to be one of 'tl.if, tl.loop'}}
  tl.yield %a : tensor<f32>
}
