#include "lsp/OneLine.h"


namespace jaws::lsp {

std::string oneLine(std::string_view text, std::size_t limit) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > limit) {
    // Cut at a character boundary.
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + " …";
  }
  return out;
}

std::string codeBlock(const std::string& code) { return "```jaws\n" + code + "\n```\n"; }

}  // namespace jaws::lsp
