/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lgsm-json-locate.h"

#include <string.h>

struct _LgsmJsonIndex
{
  const char *text;
  const char *end;
  GArray     *records;   /* gsize offsets of each element of "records" */
  gsize       root;      /* offset of the root value */
};

static const char *
skip_ws (const char *p,
         const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* p points at the opening quote; returns the position after the closing one. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return end;
}

static const char *
skip_value (const char *p,
            const char *end)
{
  guint depth = 0;

  if (p >= end)
    return end;
  if (*p == '"')
    return skip_string (p, end);
  if (*p != '{' && *p != '[')
    {
      while (p < end && !strchr (",}] \t\r\n", *p))
        p++;
      return p;
    }
  while (p < end)
    {
      if (*p == '"')
        {
          p = skip_string (p, end);
          continue;
        }
      if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return p + 1;
      p++;
    }
  return end;
}

static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);
      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Checks the escapes of the string starting at @p (the opening quote):
 * no \u0000, surrogates only in high-low pairs. Returns the end. */
static const char *
check_string (const char    *p,
              const char    *end,
              LgsmJsonCheck *result,
              const char   **where)
{
  for (p++; p < end; p++)
    {
      const char *escape;
      int code;

      if (*p == '"')
        return p + 1;
      if (*p != '\\')
        {
          /* the next quote, or an escape before it (looked for only up to it) */
          const char *next = memchr (p, '"', (gsize) (end - p));
          const char *slash = memchr (p, '\\', (gsize) ((next ? next : end) - p));
          const char *stop = slash ? slash : next;

          if (stop == NULL)
            return end;
          p = stop - 1;
          continue;
        }
      escape = p++;
      if (p >= end || *p != 'u')
        continue;
      code = hex4 (p + 1, end);
      if (code == 0)
        {
          *result = LGSM_JSON_ESCAPED_NUL;
          *where = escape;
          return end;
        }
      if (code >= 0xD800 && code <= 0xDBFF)
        {
          int low = (end - p > 11 && p[5] == '\\' && p[6] == 'u') ? hex4 (p + 7, end) : -1;
          if (low < 0xDC00 || low > 0xDFFF)
            {
              *result = LGSM_JSON_LONE_SURROGATE;
              *where = escape;
              return end;
            }
          p += 6;
        }
      else if (code >= 0xDC00 && code <= 0xDFFF)
        {
          *result = LGSM_JSON_LONE_SURROGATE;
          *where = escape;
          return end;
        }
      p += 4;
    }
  return end;
}

/* Before json-glib sees a file: strict JSON only (json-glib also accepts
 * comments and single quotes, which the checks here would read otherwise),
 * one top-level value, no escaped NUL (it would cut a string short
 * silently), no lone surrogates, and nesting no deeper than @max_depth
 * (json-glib's parser recurses). */
LgsmJsonCheck
lgsm_json_precheck (const char *text,
                    gsize       len,
                    guint       max_depth,
                    gsize      *offset)
{
  const char *end = text + len;
  const char *where = NULL;
  LgsmJsonCheck result = LGSM_JSON_OK;
  gboolean seen_root = FALSE;
  guint depth = 0;
  const char *start = text;

  /* a UTF-8 byte order mark, which json-glib accepts too */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    start += 3;

  for (const char *p = start; p < end && result == LGSM_JSON_OK; p++)
    {
      switch (*p)
        {
        case ' ': case '\t': case '\n': case '\r':
          continue;
        case '"':
          if (seen_root && depth == 0)
            result = LGSM_JSON_TRAILING, where = p;
          else
            p = check_string (p, end, &result, &where) - 1;
          break;
        case '/': case '\'':
          result = LGSM_JSON_NOT_STRICT, where = p;
          break;
        case '{': case '[':
          if (seen_root && depth == 0)
            result = LGSM_JSON_TRAILING, where = p;
          else if (++depth > max_depth)
            result = LGSM_JSON_TOO_DEEP, where = p;
          seen_root = TRUE;
          break;
        case '}': case ']':
          if (depth > 0)
            depth--;
          break;
        default:
          if (seen_root && depth == 0)
            result = LGSM_JSON_TRAILING, where = p;
          else if (depth == 0)
            seen_root = TRUE;
          break;
        }
    }
  if (offset)
    *offset = where ? (gsize) (where - text) : 0;
  return result;
}

void
lgsm_json_offset_to_line_col (const char *text,
                              gsize       len,
                              gsize       offset,
                              guint      *line,
                              guint      *column)
{
  const char *p = text;
  const char *stop = text + MIN (offset, len);
  const char *line_start = text;
  guint n = 1;

  while (p < stop && (p = memchr (p, '\n', (gsize) (stop - p))) != NULL)
    {
      n++;
      line_start = ++p;
    }
  *line = n;
  *column = (guint) g_utf8_strlen (line_start, stop - line_start) + 1;
}

/* Calls @func for each member of the object at @p; stops when it returns TRUE. */
typedef gboolean (*MemberFunc) (const char *key, gsize key_len, const char *key_pos,
                                const char *value, gpointer data);

static void
each_member (const char *p,
             const char *end,
             MemberFunc  func,
             gpointer    data)
{
  p = skip_ws (p, end);
  if (p >= end || *p != '{')
    return;
  for (p = skip_ws (p + 1, end); p < end && *p == '"'; )
    {
      const char *key = p + 1;
      const char *after = skip_string (p, end);
      const char *value;

      value = skip_ws (after, end);
      if (value >= end || *value != ':')
        return;
      value = skip_ws (value + 1, end);
      if (func (key, (gsize) (after - 1 - key), p, value, data))
        return;
      p = skip_ws (skip_value (value, end), end);
      if (p < end && *p == ',')
        p = skip_ws (p + 1, end);
    }
}

static gboolean
collect_records (const char *key, gsize key_len, const char *key_pos,
                 const char *value, gpointer data)
{
  LgsmJsonIndex *index = data;
  const char *p;

  if (key_len != 7 || memcmp (key, "records", 7) != 0 || *value != '[')
    return FALSE;

  for (p = skip_ws (value + 1, index->end); p < index->end && *p != ']'; )
    {
      gsize off = (gsize) (p - index->text);

      g_array_append_val (index->records, off);
      p = skip_ws (skip_value (p, index->end), index->end);
      if (p < index->end && *p == ',')
        p = skip_ws (p + 1, index->end);
      else
        break;
    }
  return TRUE;
}

LgsmJsonIndex *
lgsm_json_index_new (const char *text,
                     gsize       len)
{
  LgsmJsonIndex *index = g_new0 (LgsmJsonIndex, 1);

  index->text = text;
  index->end = text + len;
  index->records = g_array_new (FALSE, FALSE, sizeof (gsize));
  index->root = (gsize) (skip_ws (text, index->end) - text);
  each_member (text + index->root, index->end, collect_records, index);
  return index;
}

void
lgsm_json_index_free (LgsmJsonIndex *index)
{
  if (index == NULL)
    return;
  g_array_unref (index->records);
  g_free (index);
}

typedef struct {
  const char *name;
  gsize       len;
  const char *key_pos;
  const char *value;
} FindMember;

static gboolean
find_member (const char *key, gsize key_len, const char *key_pos,
             const char *value, gpointer data)
{
  FindMember *find = data;

  if (key_len != find->len || memcmp (key, find->name, key_len) != 0)
    return FALSE;
  find->key_pos = key_pos;
  find->value = value;
  return TRUE;
}

static const char *
nth_element (const char *p,
             const char *end,
             guint       n)
{
  p = skip_ws (p, end);
  if (p >= end || *p != '[')
    return NULL;
  for (p = skip_ws (p + 1, end); p < end && *p != ']'; n--)
    {
      if (n == 0)
        return p;
      p = skip_ws (skip_value (p, end), end);
      if (p < end && *p == ',')
        p = skip_ws (p + 1, end);
    }
  return NULL;
}

/* @path is a dotted list of member names and array indices ("image.alt",
 * "body.2"); the position is that of the deepest part that exists. */
void
lgsm_json_index_locate (LgsmJsonIndex *index,
                        int            record,
                        const char    *path,
                        guint         *line,
                        guint         *column)
{
  const char *value = index->text + index->root;
  const char *best = value;
  g_auto(GStrv) parts = NULL;

  if (record >= 0)
    {
      if ((guint) record >= index->records->len)
        goto out;
      value = best = index->text + g_array_index (index->records, gsize, record);
    }

  parts = path ? g_strsplit (path, ".", 8) : NULL;
  for (guint i = 0; parts && parts[i] && value; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        {
          value = nth_element (value, index->end, (guint) g_ascii_strtoull (parts[i], NULL, 10));
          if (value)
            best = value;
        }
      else
        {
          FindMember find = { parts[i], strlen (parts[i]), NULL, NULL };

          each_member (value, index->end, find_member, &find);
          value = find.value;
          if (find.key_pos)
            best = find.key_pos;
        }
    }

out:
  lgsm_json_offset_to_line_col (index->text, (gsize) (index->end - index->text),
                                (gsize) (best - index->text), line, column);
}
