// Reading and writing a form's fields as plain values, for the three-way merge after a refused
// save. Works on any form built with the newsroom's field components (inputs, selects, textareas,
// single checkboxes as booleans, checkbox groups as lists).
import type { FieldValue } from "@/lib/domain/field-merge";

type Named = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function namedElements(form: HTMLFormElement, name: string): Named[] {
  return Array.from(form.elements).filter((e): e is Named => (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) && e.name === name);
}

export function readField(form: HTMLFormElement, name: string): FieldValue {
  const elements = namedElements(form, name);
  const first = elements[0];
  if (!first) return null;
  if (first instanceof HTMLInputElement && first.type === "checkbox") {
    const boxes = elements as HTMLInputElement[];
    if (boxes.length === 1 && !first.dataset.group) return first.checked;
    return boxes.filter((b) => b.checked).map((b) => b.value);
  }
  if (first instanceof HTMLSelectElement && first.multiple) return Array.from(first.selectedOptions).map((o) => o.value);
  return first.value;
}

export function writeField(form: HTMLFormElement, name: string, value: FieldValue): void {
  for (const element of namedElements(form, name)) {
    if (element instanceof HTMLInputElement && element.type === "checkbox") {
      element.checked = Array.isArray(value) ? value.includes(element.value) : value === true;
    } else if (element instanceof HTMLSelectElement && element.multiple) {
      for (const option of Array.from(element.options)) option.selected = Array.isArray(value) && value.includes(option.value);
    } else {
      element.value = typeof value === "string" ? value : typeof value === "boolean" ? String(value) : "";
    }
  }
}

/** A record's value as the form holds it (null → "", lists stay lists, booleans stay booleans). */
export function toFieldValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(String);
  return String(value);
}

/** How a value reads to a person: option labels instead of ids, Yes/No, "(empty)". */
export function describeValue(form: HTMLFormElement | null, name: string, value: FieldValue): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const labelFor = (v: string) => {
    if (!form) return v;
    for (const element of namedElements(form, name)) {
      if (element instanceof HTMLSelectElement) {
        const option = Array.from(element.options).find((o) => o.value === v);
        if (option) return option.text;
      }
      if (element instanceof HTMLInputElement && element.type === "checkbox" && element.value === v) {
        return element.labels?.[0]?.textContent?.trim() || v;
      }
    }
    return v;
  };
  if (isList(value)) return value.length ? value.map(labelFor).join(", ") : "(none)";
  if (value === null || value === "") return "(empty)";
  return labelFor(value as string);
}

const isList = (value: FieldValue): value is readonly string[] => Array.isArray(value);
