import { DeleteOutlined, FileTextOutlined, LinkOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";

import type { EvidenceIn } from "../../api/types";
import { useMessages } from "../../i18n";

/** A row as the form holds it; `toEvidenceIn` turns it into what the API takes. */
export interface EvidenceRow {
  kind: EvidenceIn["kind"];
  title?: string;
  url?: string;
  document_number?: string;
  document_date?: Dayjs | null;
}

export function toEvidenceIn(row: EvidenceRow): EvidenceIn {
  return row.kind === "link"
    ? { kind: "link", url: row.url?.trim() ?? null, title: row.title?.trim() ?? "" }
    : {
        kind: "document",
        document_number: row.document_number?.trim() ?? null,
        document_date: row.document_date?.format("YYYY-MM-DD") ?? null,
        title: row.title?.trim() ?? "",
      };
}

/** Evidence that is not a file: a link (url + title) or a document by number and date. */
export function EvidenceFields() {
  const t = useMessages();
  return (
    <Form.List name="evidence">
      {(fields, { add, remove }) => (
        <fieldset className="task-evidence-list">
          <legend className="ant-form-item-label">{t("progress.links")}</legend>
          {fields.map((field, index) => {
            return (
              <Form.Item key={field.key} noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const kind = getFieldValue(["evidence", field.name, "kind"]) as EvidenceRow["kind"];
                  return (
                    <div className="task-evidence-row">
                      <Form.Item name={[field.name, "kind"]} hidden>
                        <Input />
                      </Form.Item>
                      {kind === "link" ? (
                        <Form.Item
                          name={[field.name, "url"]}
                          label={t("progress.linkUrl")}
                          rules={[{ required: true, type: "url", message: t("progress.urlRequired") }]}
                        >
                          <Input type="url" inputMode="url" placeholder="https://" maxLength={2000} />
                        </Form.Item>
                      ) : (
                        <>
                          <Form.Item
                            name={[field.name, "document_number"]}
                            label={t("progress.docNumber")}
                            rules={[{ required: true, whitespace: true, min: 2, message: t("progress.docRequired") }]}
                          >
                            <Input maxLength={100} placeholder="123/QĐ-SYT" />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, "document_date"]}
                            label={t("progress.docDate")}
                            rules={[{ required: true, message: t("progress.docDateRequired") }]}
                          >
                            <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
                          </Form.Item>
                        </>
                      )}
                      <Form.Item name={[field.name, "title"]} label={t("progress.linkTitle")}>
                        <Input maxLength={500} />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t("progress.removeEvidence", { index: index + 1 })}
                        onClick={() => remove(field.name)}
                        style={{ marginBottom: 24 }}
                      />
                    </div>
                  );
                }}
              </Form.Item>
            );
          })}
          <div className="task-actions">
            <Button icon={<LinkOutlined aria-hidden />} onClick={() => add({ kind: "link" })}>
              {t("progress.addLink")}
            </Button>
            <Button icon={<FileTextOutlined aria-hidden />} onClick={() => add({ kind: "document" })}>
              {t("progress.addDocument")}
            </Button>
          </div>
        </fieldset>
      )}
    </Form.List>
  );
}
