#pragma once
// A split prediction as one text (counts per template, issues), so tests that
// hold a prediction made from kept templates to one made from scratch compare
// all of it at once and print what differs.
#include <string>

#include "emit/split/StackSplitter.h"

namespace jaws::test {

std::string describePrediction(const emit::split::SplitPrediction& prediction);

}  // namespace jaws::test
