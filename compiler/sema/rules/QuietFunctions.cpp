#include "sema/rules/QuietFunctions.h"

#include "sema/ModelReuse.h"

namespace jaws::sema {

QuietFunctions::QuietFunctions(const model::Stack& stack, const std::unordered_set<std::string>& taken,
                               const TargetRecord& record)
    : skipped_(stack.functions.size(), 0), reported_(stack.functions.size(), 0) {
  if (taken.empty()) return;
  for (std::size_t i = 0; i < stack.functions.size(); ++i) {
    const std::string& name = stack.functions[i].name;
    if (taken.count(name) == 0) continue;
    auto it = record.functions.find(name);
    skipped_[i] = it != record.functions.end() && it->second.quiet && it->second.index == i ? 1 : 0;
  }
}

void QuietFunctions::record(TargetRecord& record) const {
  std::size_t skipped = 0;
  for (std::uint8_t s : skipped_) skipped += s;
  record.quietSkipped = skipped;
  for (auto& [name, function] : record.functions) {
    function.quiet = function.index && *function.index < reported_.size() && reported_[*function.index] == 0;
  }
}

}  // namespace jaws::sema
