// stdlib/resources.spec in the binary. The file is a few megabytes: the
// assembler copies it as it is (.incbin), where a generated C++ array would
// take the compiler a long time. JAWS_RESOURCE_SPEC_PATH is set by CMake,
// which also rebuilds this file when the data changes.
#include "stdlib/EmbeddedStdlib.h"

#ifndef JAWS_RESOURCE_SPEC_PATH
#error "JAWS_RESOURCE_SPEC_PATH must name stdlib/resources.spec"
#endif

asm(".section .rodata\n"
    ".balign 16\n"
    ".globl jaws_resource_spec_begin\n"
    ".hidden jaws_resource_spec_begin\n"
    ".globl jaws_resource_spec_end\n"
    ".hidden jaws_resource_spec_end\n"
    "jaws_resource_spec_begin:\n"
    ".incbin \"" JAWS_RESOURCE_SPEC_PATH "\"\n"
    "jaws_resource_spec_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" __attribute__((visibility("hidden"))) const char jaws_resource_spec_begin[];
extern "C" __attribute__((visibility("hidden"))) const char jaws_resource_spec_end[];

namespace jaws {

std::string_view embeddedResourceSpec() {
  return std::string_view(jaws_resource_spec_begin, static_cast<std::size_t>(jaws_resource_spec_end - jaws_resource_spec_begin));
}

}  // namespace jaws
