#pragma once
// Which labeled alternative a parse-tree context is. The generated classes of
// labeled alternatives (`# memberExpr`, `# intLiteral`, ...) are leaves, so
// comparing the dynamic type answers what dynamic_cast would, without
// ANTLR 4.9's price: a failed dynamic_cast walks the class hierarchy comparing
// type names, and the builder tries up to thirteen alternatives per primary.
#include <typeinfo>

#include "antlr4-runtime.h"

namespace jaws::syntax {

template <class Alternative>
Alternative* asAlternative(antlr4::tree::ParseTree* ctx) {
  return ctx != nullptr && typeid(*ctx) == typeid(Alternative) ? static_cast<Alternative*>(ctx) : nullptr;
}

}  // namespace jaws::syntax
