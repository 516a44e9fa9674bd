#include "lsp/Framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <variant>

namespace jaws::lsp {

namespace {

// A header block longer than this without its blank line is garbage.
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::size_t findIgnoreCase(std::string_view text, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (equalsIgnoreCase(text.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

struct HeaderEnd {
  std::size_t headerEnd;  // one past the last header byte
  std::size_t bodyStart;
};

// The blank line that ends a header block: "\r\n\r\n" as the spec says, or
// "\n\n" from lenient clients.
std::optional<HeaderEnd> findHeaderEnd(std::string_view text) {
  const std::size_t crlf = text.find("\r\n\r\n");
  const std::size_t lf = text.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::nullopt;
  if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf)) return HeaderEnd{crlf, crlf + 4};
  return HeaderEnd{lf, lf + 2};
}

// The Content-Length of a header block; an error text when there is none.
std::variant<std::size_t, std::string> contentLength(std::string_view headers) {
  std::optional<std::size_t> length;
  while (!headers.empty()) {
    const std::size_t eol = headers.find('\n');
    std::string_view line = headers.substr(0, eol);
    headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 1);
    line = trim(line);
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::string("a header line without ':'");
    if (!equalsIgnoreCase(trim(line.substr(0, colon)), "Content-Length")) continue;  // Content-Type and others
    const std::string_view value = trim(line.substr(colon + 1));
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
      return std::string("Content-Length is not a number");
    }
    length = n;
  }
  if (!length) return std::string("no Content-Length header");
  return *length;
}

}  // namespace

void FrameDecoder::feed(std::string_view bytes) {
  if (skipRemaining_ > 0) {
    const std::size_t drop = std::min(skipRemaining_, bytes.size());
    skipRemaining_ -= drop;
    bytes.remove_prefix(drop);
  }
  buffer_.append(bytes);
}

void FrameDecoder::compact() {
  if (start_ > 0 && (start_ > 4096 || start_ * 2 > buffer_.size())) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
}

bool FrameDecoder::next(Frame& out) {
  for (;;) {
    const std::string_view pending = std::string_view(buffer_).substr(start_);
    if (inBody_) {
      if (pending.size() < bodyLength_) return false;
      out.kind = Frame::Kind::Message;
      out.body.assign(pending.substr(0, bodyLength_));
      start_ += bodyLength_;
      inBody_ = false;
      compact();
      return true;
    }
    // Blank lines between messages are tolerated.
    std::size_t skip = 0;
    while (skip < pending.size() && (pending[skip] == '\r' || pending[skip] == '\n')) ++skip;
    if (skip > 0) {
      start_ += skip;
      continue;
    }
    const auto end = findHeaderEnd(pending);
    if (!end) {
      if (pending.size() <= kMaxHeaderBytes) return false;
      out.kind = Frame::Kind::Malformed;
      out.body = "a header block longer than 64 KiB";
      start_ = buffer_.size();
      compact();
      return true;
    }
    const std::string_view headers = pending.substr(0, end->headerEnd);
    auto length = contentLength(headers);
    if (std::holds_alternative<std::string>(length)) {
      // Bytes that are no header (the tail of a message whose length was
      // wrong, garbage) before a real header: report them and start again
      // at that header, so one bad message costs one error.
      const std::size_t restart = findIgnoreCase(headers, "content-length:");
      if (restart != std::string_view::npos && restart > 0) {
        start_ += restart;
        out.kind = Frame::Kind::Malformed;
        out.body = "unexpected bytes before a message header";
        compact();
        return true;
      }
    }
    start_ += end->bodyStart;
    if (auto* error = std::get_if<std::string>(&length)) {
      out.kind = Frame::Kind::Malformed;
      out.body = std::move(*error);
      compact();
      return true;
    }
    const std::size_t n = std::get<std::size_t>(length);
    if (n > kMaxMessageBytes) {
      // Drop the body as it arrives instead of holding it.
      const std::size_t available = buffer_.size() - start_;
      const std::size_t drop = std::min(n, available);
      start_ += drop;
      skipRemaining_ = n - drop;
      out.kind = Frame::Kind::Malformed;
      out.body = "a message larger than " + std::to_string(kMaxMessageBytes) + " bytes";
      compact();
      return true;
    }
    bodyLength_ = n;
    inBody_ = true;
  }
}

std::string encodeFrame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

}  // namespace jaws::lsp
