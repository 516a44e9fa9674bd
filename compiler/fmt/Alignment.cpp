#include "fmt/Alignment.h"

#include <algorithm>

namespace jaws::formatter {

std::vector<std::optional<std::size_t>> alignedColumns(const std::vector<std::size_t>& widths,
                                                       const std::function<bool(std::size_t, std::size_t)>& fitsAt) {
  const std::size_t count = widths.size();
  std::vector<bool> oneLine(count);
  for (std::size_t i = 0; i < count; ++i) oneLine[i] = fitsAt(i, widths[i]);
  std::vector<std::optional<std::size_t>> columns(count);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t start = 0; start < count;) {
      if (!oneLine[start]) {
        columns[start].reset();
        ++start;
        continue;
      }
      std::size_t end = start, column = 0;
      while (end < count && oneLine[end]) column = std::max(column, widths[end++]);
      for (std::size_t i = start; i < end; ++i) {
        if (fitsAt(i, column)) {
          columns[i] = column;
        } else {
          // Padding pushed it over the width: it breaks, and so splits the section.
          oneLine[i] = false;
          changed = true;
        }
      }
      start = end;
    }
  }
  return columns;
}

}  // namespace jaws::formatter
