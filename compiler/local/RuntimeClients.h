#pragma once
// The runtime clients `jaws serve` and `jaws invoke` run handlers with
// (local/runtime/*), embedded at build time as the stdlib is.
#include <span>
#include <string_view>

#include "stdlib/EmbeddedStdlib.h"

namespace jaws {

std::span<const EmbeddedFile> embeddedRuntimeClients();

}  // namespace jaws
