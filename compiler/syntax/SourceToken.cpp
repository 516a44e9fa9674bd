#include "syntax/SourceToken.h"

#include <new>

namespace jaws::syntax {

// new[] aligns to __STDCPP_DEFAULT_NEW_ALIGNMENT__, enough for a token.
static_assert(alignof(SourceToken) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
static_assert(sizeof(SourceToken) == 48);

void* TokenArena::allocate() {
  if (used_ == kTokensPerBlock) {
    // Not value-initialized: each slot is constructed when handed out.
    blocks_.push_back(std::unique_ptr<std::byte[]>(new std::byte[kTokensPerBlock * sizeof(SourceToken)]));
    used_ = 0;
  }
  return blocks_.back().get() + sizeof(SourceToken) * used_++;
}

void* SourceToken::operator new(std::size_t size, TokenArena& arena) {
  (void)size;  // always sizeof(SourceToken): the class is final
  return arena.allocate();
}

SourceToken::SourceToken(const std::pair<antlr4::TokenSource*, antlr4::CharStream*>& origin, std::size_t type,
                         std::size_t channel, std::size_t start, std::size_t stop, std::size_t line, std::size_t column)
    : origin_(&origin),
      start_(static_cast<std::uint32_t>(start)),
      length_(static_cast<std::uint32_t>(stop + 1 - start)),
      line_(static_cast<std::uint32_t>(line)),
      column_(static_cast<std::uint32_t>(column)),
      type_(static_cast<std::int16_t>(type)),
      channel_(static_cast<std::uint8_t>(channel)) {}

std::string SourceToken::getText() const {
  // As CommonToken::getText: the text set, else the source's between start
  // and stop, "<EOF>" past its end.
  if (text_ && !text_->empty()) return *text_;
  antlr4::CharStream* input = getInputStream();
  if (input == nullptr) return "";
  const std::size_t size = input->size();
  if (getStartIndex() < size && getStopIndex() < size) return input->getText(antlr4::misc::Interval(getStartIndex(), getStopIndex()));
  return "<EOF>";
}

void SourceToken::setText(const std::string& text) {
  if (text.empty()) {
    text_.reset();
  } else {
    text_ = std::make_unique<std::string>(text);
  }
}

std::string SourceToken::toString() const {
  return "[@" + std::to_string(static_cast<std::ptrdiff_t>(getTokenIndex())) + "," + std::to_string(getStartIndex()) + ":" +
         std::to_string(static_cast<std::ptrdiff_t>(getStopIndex())) + "='" + getText() + "',<" +
         std::to_string(static_cast<std::ptrdiff_t>(getType())) + ">," + std::to_string(getLine()) + ":" +
         std::to_string(getCharPositionInLine()) + "]";
}

}  // namespace jaws::syntax
