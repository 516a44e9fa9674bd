#include "fmt/Printer.h"

#include <vector>

namespace jaws::formatter {

namespace {

enum class Mode : unsigned char { Flat, Break };

struct Command {
  std::size_t indent;
  Mode mode;
  const DocNode* doc;
};

class Printer {
 public:
  explicit Printer(std::size_t width) : width_(width) {}

  std::string run(const Doc& root) {
    stack_.push_back({0, Mode::Break, root.get()});
    while (!stack_.empty()) {
      const Command cmd = stack_.back();
      stack_.pop_back();
      step(cmd);
    }
    trimTrailingSpaces();
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    std::size_t start = 0;
    while (start < out_.size() && out_[start] == '\n') ++start;
    out_.erase(0, start);
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  void step(const Command& cmd) {
    const DocNode& doc = *cmd.doc;
    switch (doc.kind) {
      case DocKind::Text: emitText(doc, cmd.indent); break;
      case DocKind::Concat:
        for (auto it = doc.children.rbegin(); it != doc.children.rend(); ++it) stack_.push_back({cmd.indent, cmd.mode, it->get()});
        break;
      case DocKind::Indent: stack_.push_back({cmd.indent + kIndentWidth, cmd.mode, doc.children[0].get()}); break;
      case DocKind::Group: {
        Mode mode = Mode::Break;
        if (cmd.mode == Mode::Flat) {
          mode = Mode::Flat;
        } else if (!doc.breaks) {
          const Command flat{cmd.indent, Mode::Flat, doc.children[0].get()};
          if (fits(flat)) mode = Mode::Flat;
        }
        stack_.push_back({cmd.indent, mode, doc.children[0].get()});
        break;
      }
      case DocKind::Line:
        if (cmd.mode == Mode::Flat && !doc.hard) {
          emitText(doc, cmd.indent);
        } else {
          newline(cmd.indent);
        }
        break;
      case DocKind::IfBreak:
        stack_.push_back({cmd.indent, cmd.mode, doc.children[cmd.mode == Mode::Break ? 0 : 1].get()});
        break;
      case DocKind::FreshLine:
        if (atLineStart()) {
          reindent(cmd.indent);
        } else {
          newline(cmd.indent);
        }
        break;
      case DocKind::BlankLine: blankLine(cmd.indent); break;
      case DocKind::Gap:
        if (!atLineStart() && out_.back() != ' ') {
          out_ += ' ';
          ++column_;
        }
        break;
    }
  }

  // Does `next`, printed flat, fit in the rest of the line, together with
  // what follows it up to the next line break?
  bool fits(const Command& next) const {
    long remaining = static_cast<long>(width_) - static_cast<long>(column_);
    std::vector<Command> local{next};
    std::size_t rest = stack_.size();
    while (remaining >= 0) {
      Command cmd;
      if (!local.empty()) {
        cmd = local.back();
        local.pop_back();
      } else if (rest > 0) {
        cmd = stack_[--rest];
      } else {
        return true;
      }
      const DocNode& doc = *cmd.doc;
      switch (doc.kind) {
        case DocKind::Text:
          if (doc.text.find('\n') != std::string::npos) {
            return remaining >= static_cast<long>(displayWidth(doc.text.substr(0, doc.text.find('\n'))));
          }
          // A `//` comment ends the line; comments may run past the width.
          if (doc.lineComment) return true;
          remaining -= static_cast<long>(displayWidth(doc.text));
          break;
        case DocKind::Concat:
          for (auto it = doc.children.rbegin(); it != doc.children.rend(); ++it) local.push_back({cmd.indent, cmd.mode, it->get()});
          break;
        case DocKind::Indent: local.push_back({cmd.indent, cmd.mode, doc.children[0].get()}); break;
        case DocKind::Group:
          local.push_back({cmd.indent, doc.breaks ? Mode::Break : cmd.mode, doc.children[0].get()});
          break;
        case DocKind::Line:
          if (cmd.mode == Mode::Break || doc.hard) return true;
          remaining -= static_cast<long>(displayWidth(doc.text));
          break;
        case DocKind::IfBreak:
          local.push_back({cmd.indent, cmd.mode, doc.children[cmd.mode == Mode::Break ? 0 : 1].get()});
          break;
        case DocKind::FreshLine:
        case DocKind::BlankLine: return true;
        case DocKind::Gap: --remaining; break;
      }
    }
    return false;
  }

  void emitText(const DocNode& doc, std::size_t indent) {
    if (doc.text.empty()) return;
    // Nothing may follow a `//` comment on its line.
    if (pendingLineComment_) newline(indent);
    out_ += doc.text;
    const std::size_t lastBreak = doc.text.rfind('\n');
    column_ = lastBreak == std::string::npos ? column_ + displayWidth(doc.text) : displayWidth(doc.text);
    if (doc.lineComment) pendingLineComment_ = true;
  }

  bool atLineStart() const {
    for (std::size_t i = out_.size(); i > 0; --i) {
      if (out_[i - 1] == '\n') return true;
      if (out_[i - 1] != ' ') return false;
    }
    return true;
  }

  void trimTrailingSpaces() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
  }

  void reindent(std::size_t indent) {
    trimTrailingSpaces();
    out_.append(indent, ' ');
    column_ = indent;
  }

  void newline(std::size_t indent) {
    trimTrailingSpaces();
    out_ += '\n';
    pendingLineComment_ = false;
    reindent(indent);
  }

  void blankLine(std::size_t indent) {
    trimTrailingSpaces();
    if (out_.empty()) return;  // never a blank line at the start of the output
    if (out_.back() != '\n') out_ += '\n';
    if (out_.size() < 2 || out_[out_.size() - 2] != '\n') out_ += '\n';
    pendingLineComment_ = false;
    reindent(indent);
  }

  std::size_t width_;
  std::vector<Command> stack_;
  std::string out_;
  std::size_t column_ = 0;
  bool pendingLineComment_ = false;
};

}  // namespace

std::string print(const Doc& doc, std::size_t width) { return Printer(width).run(doc); }

}  // namespace jaws::formatter
