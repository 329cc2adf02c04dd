// RUN: tl-opt %s --tl-request-c-interfaces | FileCheck %s

// CHECK-LABEL: func.func @public_definition
// CHECK-SAME: attributes {llvm.emit_c_interface}
func.func @public_definition() {
  return
}

// CHECK-LABEL: func.func private @private_definition
// CHECK-NOT: llvm.emit_c_interface
// CHECK: return
func.func private @private_definition() {
  return
}

// CHECK: func.func private @declaration(f32)
// CHECK-NOT: llvm.emit_c_interface
func.func private @declaration(f32)
