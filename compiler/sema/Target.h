#pragma once
// One evaluation target: a stage and a region. The program is evaluated once
// per target; `stage` and `region` are constants within it.
#include <string>

namespace jaws::sema {

struct Target {
  std::string stage;
  std::string region;
  std::string label() const { return stage + " (" + region + ")"; }
  friend bool operator==(const Target&, const Target&) = default;
};

}  // namespace jaws::sema
