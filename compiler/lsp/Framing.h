#pragma once
// The base protocol of LSP: messages framed by `Content-Length` headers.
// FrameDecoder is fed the bytes that arrive on stdin in any chunking and hands
// back whole message bodies, or a note that a header block was malformed. It
// never throws and never waits; reading the file descriptor is the
// transport's job.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jaws::lsp {

// The largest body accepted. Larger messages are skipped (and answered with a
// parse error) rather than buffered.
inline constexpr std::size_t kMaxMessageBytes = 256u * 1024 * 1024;

struct Frame {
  enum class Kind : std::uint8_t {
    Message,    // `body` holds one message body
    Malformed,  // a header block without a usable Content-Length; `body` says why
  };
  Kind kind = Kind::Message;
  std::string body;
};

class FrameDecoder {
 public:
  void feed(std::string_view bytes);
  // The next complete frame, if any.
  bool next(Frame& out);
  // Bytes received but not yet part of a complete frame.
  std::size_t buffered() const { return buffer_.size() - start_; }

 private:
  void compact();

  std::string buffer_;
  std::size_t start_ = 0;        // first unconsumed byte of buffer_
  std::size_t bodyLength_ = 0;   // set while waiting for a body
  bool inBody_ = false;
  std::size_t skipRemaining_ = 0;  // bytes of an oversized body still to drop
};

// Frames a body for sending.
std::string encodeFrame(std::string_view body);

}  // namespace jaws::lsp
