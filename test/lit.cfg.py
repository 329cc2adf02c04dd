# -*- Python -*-
# lit configuration of the tlc test suite.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "TLC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["CMakeLists.txt", "README.md", "lit.cfg.py", "lit.site.cfg.py", "e2e", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tlc_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%tlc_src_root", config.tlc_src_root))
llvm_lib_dir = os.path.join(os.path.dirname(config.llvm_tools_dir), "lib")
config.substitutions.append(("%mlir_c_runner_utils",
                             os.path.join(llvm_lib_dir, "libmlir_c_runner_utils.so")))
config.substitutions.append(("%mlir_runner_utils",
                             os.path.join(llvm_lib_dir, "libmlir_runner_utils.so")))
# Building C programs against compiled models and the runtime.
config.substitutions.append(("%tlc_include", os.path.join(config.tlc_src_root, "include")))
config.substitutions.append(("%tlc_runtime_lib", os.path.join(config.tlc_obj_root, "lib", "libtlc_runtime.a")))
config.substitutions.append(("%cc", os.path.join(config.llvm_tools_dir, "clang")))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.tlc_tools_dir, config.llvm_tools_dir]
tools = ["tl-opt", "tl-translate", "tl-compile", "tl-run"]
llvm_config.add_tool_substitutions(
    [ToolSubst(t, unresolved="ignore") for t in tools], tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.tlc_tools_dir, append_path=True)
