// Non-variadic wrappers over libedit: Swift cannot call el_set, el_get or history.
//
// The SIGINT flag below is static state in a header: every Swift file that calls one of the
// recall_sigint_* functions gets its own copy in a debug build. Only EditLineReader.swift may
// call them.
#ifndef RECALL_CLIBEDIT_SHIM_H
#define RECALL_CLIBEDIT_SHIM_H

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/// Opens an editor on the process's stdin/stdout/stderr (Swift 6 cannot touch those globals).
static inline EditLine *recall_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

/// Sets the prompt callback; text between two `ignore` characters is printed but takes no
/// columns, so colour escapes in a prompt do not throw the cursor off.
static inline int recall_el_set_prompt(EditLine *el, char *(*fn)(EditLine *), char ignore) {
  return el_set(el, EL_PROMPT_ESC, fn, (int)ignore);
}

static inline int recall_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

/// With signal handling on, libedit restores the terminal on SIGINT/SIGTSTP/SIGWINCH and then
/// passes the signal on to the handler that was installed before.
static inline int recall_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

/// Puts the terminal in editing mode now. el_gets does it too, but only after the prompt is
/// flushed; keys typed in between would be echoed by the terminal itself.
static inline int recall_el_prepare_terminal(EditLine *el) {
  return el_set(el, EL_PREP_TERM, 1);
}

static inline int recall_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

static inline int recall_el_add_function(
  EditLine *el, const char *name, const char *help, unsigned char (*fn)(EditLine *, int)
) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int recall_el_bind(EditLine *el, const char *key, const char *name) {
  return el_set(el, EL_BIND, key, name, NULL);
}

static inline int recall_el_set_client_data(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *recall_el_client_data(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

/// Reads $EDITRC or ~/.editrc, so users keep their own bindings.
static inline int recall_el_source_defaults(EditLine *el) {
  return el_source(el, NULL);
}

/// Writes to the editor's output stream, in order with what libedit itself has written.
static inline void recall_el_write(EditLine *el, const char *text) {
  FILE *out = NULL;
  if (el_get(el, EL_GETFP, 1, &out) != 0 || out == NULL) return;
  fputs(text, out);
  fflush(out);
}

/// Byte length of the line before the cursor, or -1; the bytes start at `el_line(el)->buffer`.
static inline long recall_el_cursor_offset(EditLine *el) {
  const LineInfo *info = el_line(el);
  if (info == NULL) return -1;
  return (long)(info->cursor - info->buffer);
}

static inline History *recall_history_init(int size) {
  History *h = history_init();
  if (h == NULL) return NULL;
  HistEvent ev;
  history(h, &ev, H_SETSIZE, size);
  history(h, &ev, H_SETUNIQUE, 1);
  return h;
}

static inline int recall_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}

static inline void recall_history_end(History *h) { history_end(h); }

static inline int recall_isatty(int fd) { return isatty(fd); }

static inline int recall_errno(void) { return errno; }

/// Selects the user's character set, falling back to C.UTF-8 so accented input can be typed
/// and edited. Only LC_CTYPE changes: number formatting elsewhere stays locale-independent.
static inline int recall_setlocale_utf8(void) {
  setlocale(LC_CTYPE, "");
  const char *codeset = nl_langinfo(CODESET);
  if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) return 1;
  return setlocale(LC_CTYPE, "C.UTF-8") != NULL;
}

// MARK: Ctrl-C

/// Set by the SIGINT handler, read and cleared by the reader.
static volatile sig_atomic_t recall_sigint_flag = 0;

static void recall_sigint_handler(int signo) {
  (void)signo;
  recall_sigint_flag = 1;
}

/// Replaces the default SIGINT action (exit) with a flag. SA_RESTART keeps a Ctrl-C between
/// reads from failing unrelated system calls; inside el_gets, libedit's own handler (which has
/// no SA_RESTART) is what makes read() return EINTR. The action replaced goes to `previous`.
static inline int recall_sigint_install(struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = recall_sigint_handler;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  recall_sigint_flag = 0;
  if (sigaction(SIGINT, &action, previous) != 0) return -1;
  // A parent may have left SIGINT blocked; then Ctrl-C would do nothing at all.
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  return pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
}

static inline void recall_sigint_restore(const struct sigaction *previous) {
  sigaction(SIGINT, previous, NULL);
}

/// Whether SIGINT arrived since the last call.
static inline int recall_sigint_take(void) {
  int seen = recall_sigint_flag;
  recall_sigint_flag = 0;
  return seen;
}

#endif
