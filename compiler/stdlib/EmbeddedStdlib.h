#pragma once
// The standard library's .jaws files, embedded at build time from stdlib/.
#include <span>
#include <string_view>

namespace jaws {

struct EmbeddedFile {
  std::string_view name;  // "prelude.jaws"
  std::string_view text;
};

std::span<const EmbeddedFile> embeddedStdlib();

}  // namespace jaws

namespace jaws {

// stdlib/resources.spec, the CloudFormation resource specification, built
// into the binary as it is (EmbeddedResourceSpec.cpp).
std::string_view embeddedResourceSpec();

}  // namespace jaws
