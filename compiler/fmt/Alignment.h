#pragma once
// Column alignment the way gofmt and `terraform fmt` do it: within a run of
// members (attributes, object entries), the keys of the members that stay on
// one line are padded to the widest of their section; a member that takes
// more than one line is not padded and splits the run into sections.
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace jaws::formatter {

// `widths[i]` is member i's own key width; `fitsAt(i, column)` says whether
// member i stays on one line with its key padded to `column`. The result is
// each member's key column, or nullopt for a member laid out on several
// lines. Members only ever leave a section, so this terminates.
std::vector<std::optional<std::size_t>> alignedColumns(const std::vector<std::size_t>& widths,
                                                       const std::function<bool(std::size_t, std::size_t)>& fitsAt);

}  // namespace jaws::formatter
