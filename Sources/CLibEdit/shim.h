// Non-variadic wrappers over libedit: Swift cannot call el_set, el_get or history.
#ifndef RECALL_CLIBEDIT_SHIM_H
#define RECALL_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/// The prompt lives in one static buffer: libedit asks for it through a callback.
static char recall_el_prompt_buffer[512];

static inline char *recall_el_prompt_callback(EditLine *el) {
  (void)el;
  return recall_el_prompt_buffer;
}

/// Opens an editor on the process's stdin/stdout/stderr (Swift 6 cannot touch those globals).
static inline EditLine *recall_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

static inline void recall_el_set_prompt(EditLine *el, const char *prompt) {
  strncpy(recall_el_prompt_buffer, prompt, sizeof(recall_el_prompt_buffer) - 1);
  recall_el_prompt_buffer[sizeof(recall_el_prompt_buffer) - 1] = '\0';
  el_set(el, EL_PROMPT, recall_el_prompt_callback);
}

static inline int recall_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

/// With signal handling on, libedit restores the terminal on SIGINT/SIGTSTP/SIGWINCH.
static inline int recall_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
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
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

static inline int recall_el_source_defaults(EditLine *el) {
  return el_source(el, NULL);
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

/// The characters of the current line before the cursor, as bytes.
static inline int recall_el_line_before_cursor(EditLine *el, char *out, int capacity) {
  const LineInfo *info = el_line(el);
  if (info == NULL || capacity <= 0) return -1;
  long length = info->cursor - info->buffer;
  if (length < 0) return -1;
  if (length >= capacity) length = capacity - 1;
  memcpy(out, info->buffer, (size_t)length);
  out[length] = '\0';
  return (int)length;
}

static inline int recall_isatty(int fd) { return isatty(fd); }

/// Selects the user's locale, falling back to C.UTF-8 so accented input can be edited.
static inline int recall_setlocale_utf8(void) {
  const char *selected = setlocale(LC_ALL, "");
  if (selected != NULL && (strstr(selected, "UTF-8") || strstr(selected, "utf8")
                           || strstr(selected, "UTF8") || strstr(selected, "utf-8"))) {
    return 1;
  }
  return setlocale(LC_ALL, "C.UTF-8") != NULL;
}

#endif
