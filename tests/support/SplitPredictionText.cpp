#include "SplitPredictionText.h"

namespace jaws::test {

std::string describePrediction(const emit::split::SplitPrediction& p) {
  std::string out = std::string(p.split ? "split" : "whole") + " " + std::to_string(p.whole.resources) + "r " +
                    std::to_string(p.whole.bytes) + "b\n";
  for (const auto& t : p.templates) {
    out += "  " + t.name + " tier " + std::to_string(t.tier) + " groups " + std::to_string(t.groups.size()) + " " +
           std::to_string(t.predicted.resources) + "r " + std::to_string(t.predicted.bytes) + "b " +
           std::to_string(t.predicted.parameters) + "p " + std::to_string(t.predicted.outputs) + "o\n";
  }
  for (const auto& i : p.issues) {
    out += "  issue " + std::to_string(static_cast<int>(i.kind)) + " " + i.key + " " + i.what + " " + i.amount + " " +
           i.limit + "\n";
  }
  return out;
}

}  // namespace jaws::test
