/*
 * The fast path of orglint.load.yaml_source.compose: libyaml's events walked in C.
 *
 * Why: walking libyaml's events from Python costs a Python event object and two mark objects
 * per scalar, about 85% of the time to load a large structure file. This module walks the same
 * events (the same libyaml PyYAML bundles, so the same positions) straight into YamlMap,
 * YamlSeq, strings and None, with the same packed positions as the Python walk.
 *
 * It handles only "plain" documents: anything needing a finding or a decision (a parse error,
 * a duplicate or merge key, an anchor, alias or explicit tag, a second document, a key that is
 * not a scalar, nesting past the limit) makes it give up and return None, and the Python walk,
 * the one place those faults are described, reads the file instead. So the two can never
 * disagree on a finding; the tests check they build identical data where both run.
 *
 * compose_plain(data, source, map_type, seq_type, max_depth) -> (root,) | None
 *
 * ``data`` is the file's bytes (or its text): libyaml checks the UTF-8 as it reads, so a file
 * it reads whole never needs decoding into one large Python string first.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>
#include <yaml.h>

#define LINE_SHIFT 32

typedef struct {
    PyObject *node;        /* the YamlMap or YamlSeq being filled (owned) */
    int is_map;
    long long start;       /* packed position of the mapping or sequence's first event */
    PyObject *key;         /* the key awaiting its value (owned), or NULL */
    long long key_start;
    long long key_end;
    long long *marks;      /* 4 packed positions per map entry, 2 per sequence item */
    Py_ssize_t mark_count;
    Py_ssize_t mark_capacity;
} Frame;

typedef struct {
    Frame *frames;
    Py_ssize_t depth;
    Py_ssize_t capacity;
    struct Recent *recent; /* see decode_scalar */
} Stack;

static PyObject *marks_name;    /* "marks" */
static PyObject *source_name;   /* "source" */
static PyObject *merge_key;     /* "<<" */
static PyObject *empty_tuple;

static long long
pack(yaml_mark_t mark)
{
    return ((long long)mark.line << LINE_SHIFT) | (long long)mark.column;
}

/* Written without quotes or block indicators (PyYAML's event style '' or None). */
static int
is_plain(const yaml_event_t *event)
{
    yaml_scalar_style_t style = event->data.scalar.style;
    return style == YAML_PLAIN_SCALAR_STYLE || style == YAML_ANY_SCALAR_STYLE;
}

static int
is_null(const yaml_event_t *event)
{
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
    size_t length = event->data.scalar.length;
    if (!is_plain(event)) {
        return 0;
    }
    for (size_t index = 0; index < sizeof(nulls) / sizeof(nulls[0]); index++) {
        if (strlen(nulls[index]) == length && memcmp(nulls[index], event->data.scalar.value, length) == 0) {
            return 1;
        }
    }
    return 0;
}

static int
add_marks(Frame *frame, long long a, long long b, long long c, long long d, int count)
{
    if (frame->mark_count + count > frame->mark_capacity) {
        Py_ssize_t capacity = frame->mark_capacity ? frame->mark_capacity * 2 : 16;
        long long *grown = PyMem_Realloc(frame->marks, (size_t)capacity * sizeof(long long));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        frame->marks = grown;
        frame->mark_capacity = capacity;
    }
    long long *slot = frame->marks + frame->mark_count;
    slot[0] = a;
    slot[1] = b;
    if (count == 4) {
        slot[2] = c;
        slot[3] = d;
    }
    frame->mark_count += count;
    return 0;
}

static void
clear_frame(Frame *frame)
{
    Py_CLEAR(frame->node);
    Py_CLEAR(frame->key);
    PyMem_Free(frame->marks);
    frame->marks = NULL;
}

/* Attach the finished frame's positions to its node: native int64s in a bytes object. */
static int
set_marks(Frame *frame)
{
    PyObject *marks = PyBytes_FromStringAndSize((const char *)frame->marks,
                                                frame->mark_count * (Py_ssize_t)sizeof(long long));
    if (marks == NULL) {
        return -1;
    }
    int status = PyObject_SetAttr(frame->node, marks_name, marks);
    Py_DECREF(marks);
    return status;
}

/* Put a finished value (stolen reference) into the enclosing frame. 1: done, 0: give up, -1: error. */
static int
place(Frame *parent, PyObject *value, long long start, long long end)
{
    int status;
    if (parent->is_map) {
        status = PyDict_SetItem(parent->node, parent->key, value);
        Py_DECREF(value);
        if (status < 0) {
            return -1;
        }
        if (add_marks(parent, parent->key_start, parent->key_end, start, end, 4) < 0) {
            return -1;
        }
        Py_CLEAR(parent->key);
        return 1;
    }
    status = PyList_Append(parent->node, value);
    Py_DECREF(value);
    if (status < 0) {
        return -1;
    }
    return add_marks(parent, start, end, 0, 0, 2) < 0 ? -1 : 1;
}

/*
 * Recent short ASCII strings, by a hash of their bytes: keys and values recur (grades,
 * departments, managers' ids, dates), and sharing one string object per recurring text instead
 * of one per occurrence saves gigabytes at a million posts. Interning did that too, but its
 * table also keeps every unique text (ids, titles, names) and grows to millions of entries,
 * each lookup a cache miss; this table is small and fixed, and a text that stops recurring is
 * simply overwritten. Non-ASCII text is not kept: comparing it would need its UTF-8 copy.
 */
#define RECENT_SLOTS 8192 /* a power of two */
#define RECENT_LONGEST 64

typedef struct Recent {
    PyObject *slots[RECENT_SLOTS];
} Recent;

static PyObject *
decode_scalar(Recent *recent, const yaml_event_t *event)
{
    const char *bytes = (const char *)event->data.scalar.value;
    Py_ssize_t length = (Py_ssize_t)event->data.scalar.length;
    PyObject **slot = NULL;
    if (length <= RECENT_LONGEST) {
        unsigned int hash = 2166136261u; /* FNV-1a */
        for (Py_ssize_t index = 0; index < length; index++) {
            hash = (hash ^ (unsigned char)bytes[index]) * 16777619u;
        }
        slot = &recent->slots[hash & (RECENT_SLOTS - 1)];
        PyObject *kept = *slot;
        if (kept != NULL && PyUnicode_GET_LENGTH(kept) == length && memcmp(PyUnicode_DATA(kept), bytes, (size_t)length) == 0) {
            return Py_NewRef(kept);
        }
    }
    PyObject *text = PyUnicode_DecodeUTF8(bytes, length, "strict");
    if (text != NULL && slot != NULL && PyUnicode_IS_ASCII(text)) {
        Py_XSETREF(*slot, Py_NewRef(text));
    }
    return text;
}

/* One event. 1: go on, 2: the stream ended, 0: give up (the Python walk decides), -1: error. */
static int
take(const yaml_event_t *event, Stack *stack, PyObject *source, PyObject *map_type, PyObject *seq_type,
     Py_ssize_t max_depth, int *documents, PyObject **root)
{
    Frame *top = stack->depth ? &stack->frames[stack->depth - 1] : NULL;
    switch (event->type) {
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
        return 1;
    case YAML_STREAM_END_EVENT:
        return 2;
    case YAML_DOCUMENT_START_EVENT:
        return ++*documents > 1 ? 0 : 1;
    case YAML_ALIAS_EVENT:
        return 0;
    case YAML_SCALAR_EVENT: {
        if (event->data.scalar.anchor != NULL || event->data.scalar.tag != NULL) {
            return 0;
        }
        if (top != NULL && top->is_map && top->key == NULL) {
            PyObject *key = decode_scalar(stack->recent, event);
            if (key == NULL) {
                PyErr_Clear();
                return 0;
            }
            int known = PyDict_Contains(top->node, key);
            int merge = is_plain(event) && PyUnicode_Compare(key, merge_key) == 0;
            if (known != 0 || merge) {
                Py_DECREF(key);
                return known < 0 ? -1 : 0;
            }
            top->key = key;
            top->key_start = pack(event->start_mark);
            top->key_end = pack(event->end_mark);
            return 1;
        }
        PyObject *value;
        if (is_null(event)) {
            value = Py_NewRef(Py_None);
        } else {
            value = decode_scalar(stack->recent, event);
            if (value == NULL) {
                PyErr_Clear();
                return 0;
            }
        }
        if (top == NULL) {
            Py_XSETREF(*root, value);
            return 1;
        }
        return place(top, value, pack(event->start_mark), pack(event->end_mark));
    }
    case YAML_MAPPING_START_EVENT:
    case YAML_SEQUENCE_START_EVENT: {
        int is_map = event->type == YAML_MAPPING_START_EVENT;
        const yaml_char_t *anchor = is_map ? event->data.mapping_start.anchor : event->data.sequence_start.anchor;
        const yaml_char_t *tag = is_map ? event->data.mapping_start.tag : event->data.sequence_start.tag;
        if (anchor != NULL || tag != NULL || stack->depth >= max_depth || (top != NULL && top->is_map && top->key == NULL)) {
            return 0;
        }
        if (stack->depth == stack->capacity) {
            Py_ssize_t capacity = stack->capacity ? stack->capacity * 2 : 16;
            Frame *grown = PyMem_Realloc(stack->frames, (size_t)capacity * sizeof(Frame));
            if (grown == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            stack->frames = grown;
            stack->capacity = capacity;
        }
        /* tp_new without __init__: the slots are filled here (source now, marks at the end). */
        PyTypeObject *type = (PyTypeObject *)(is_map ? map_type : seq_type);
        PyObject *node = type->tp_new(type, empty_tuple, NULL);
        if (node == NULL) {
            return -1;
        }
        if (PyObject_SetAttr(node, source_name, source) < 0) {
            Py_DECREF(node);
            return -1;
        }
        Frame *frame = &stack->frames[stack->depth++];
        memset(frame, 0, sizeof(Frame));
        frame->node = node;
        frame->is_map = is_map;
        frame->start = pack(event->start_mark);
        return 1;
    }
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT: {
        Frame *frame = top;
        if (set_marks(frame) < 0) {
            return -1;
        }
        PyObject *node = frame->node;
        long long start = frame->start;
        frame->node = NULL;
        clear_frame(frame);
        stack->depth--;
        if (stack->depth == 0) {
            Py_XSETREF(*root, node);
            return 1;
        }
        return place(&stack->frames[stack->depth - 1], node, start, pack(event->end_mark));
    }
    default:
        return 0;
    }
}

static PyObject *
compose_plain(PyObject *module, PyObject *args)
{
    Py_buffer data;
    PyObject *source, *map_type, *seq_type;
    Py_ssize_t max_depth;
    if (!PyArg_ParseTuple(args, "s*OO!O!n", &data, &source, &PyType_Type, &map_type, &PyType_Type, &seq_type, &max_depth)) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            return NULL;
        }
        PyErr_Clear(); /* text that cannot be UTF-8 (a lone surrogate): the Python walk decides */
        Py_RETURN_NONE;
    }
    const unsigned char *bytes = data.buf;
    if (!PyType_IsSubtype((PyTypeObject *)map_type, &PyDict_Type) || !PyType_IsSubtype((PyTypeObject *)seq_type, &PyList_Type)) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_TypeError, "map_type must subclass dict and seq_type list");
        return NULL;
    }
    /* libyaml would read UTF-16 after its BOM; orglint reads UTF-8 only and says so (X001). */
    if (data.len >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        PyBuffer_Release(&data);
        Py_RETURN_NONE;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        PyBuffer_Release(&data);
        return PyErr_NoMemory();
    }
    /* No encoding set: libyaml detects UTF-8 and skips a BOM, as PyYAML's parser lets it. */
    yaml_parser_set_input_string(&parser, bytes, (size_t)data.len);

    Recent *recent = PyMem_Calloc(1, sizeof(Recent));
    if (recent == NULL) {
        yaml_parser_delete(&parser);
        PyBuffer_Release(&data);
        return PyErr_NoMemory();
    }
    Stack stack = {NULL, 0, 0, recent};
    PyObject *root = NULL;
    int documents = 0;
    int status = 1;
    while (status == 1) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            status = 0;  /* a fault: the Python walk locates and describes it */
            break;
        }
        status = take(&event, &stack, source, map_type, seq_type, max_depth, &documents, &root);
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    PyBuffer_Release(&data);
    for (Py_ssize_t index = 0; index < stack.depth; index++) {
        clear_frame(&stack.frames[index]);
    }
    PyMem_Free(stack.frames);
    for (Py_ssize_t index = 0; index < RECENT_SLOTS; index++) {
        Py_XDECREF(recent->slots[index]);
    }
    PyMem_Free(recent);
    if (status < 0) {
        Py_XDECREF(root);
        return NULL;
    }
    if (status == 0) {
        Py_XDECREF(root);
        Py_RETURN_NONE;
    }
    PyObject *result = PyTuple_Pack(1, root ? root : Py_None);
    Py_XDECREF(root);
    return result;
}

static PyMethodDef methods[] = {
    {"compose_plain", compose_plain, METH_VARARGS,
     "compose_plain(data, source, map_type, seq_type, max_depth) -> (root,) or None when the "
     "document needs the Python walk (a fault, an anchor, alias, tag, merge or duplicate key)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_definition = {
    PyModuleDef_HEAD_INIT, "_plain_compose", "libyaml's events walked in C (see compose_plain).", -1, methods,
};

PyMODINIT_FUNC
PyInit__plain_compose(void)
{
    marks_name = PyUnicode_InternFromString("marks");
    source_name = PyUnicode_InternFromString("source");
    merge_key = PyUnicode_InternFromString("<<");
    empty_tuple = PyTuple_New(0);
    if (marks_name == NULL || source_name == NULL || merge_key == NULL || empty_tuple == NULL) {
        return NULL;
    }
    return PyModule_Create(&module_definition);
}
