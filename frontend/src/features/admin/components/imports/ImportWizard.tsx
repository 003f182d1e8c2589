import { InboxOutlined } from "@ant-design/icons";
import type { UseMutationResult } from "@tanstack/react-query";
import { Alert, Button, Steps, Upload } from "antd";
import { useEffect, useState, type ReactNode } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import type { ImportInput } from "../../api/imports";
import { useMessages } from "../../i18n";

interface ImportWizardProps<R extends { errors: readonly unknown[] }> {
  /** Step 1: choosing (or registering) the plan the file belongs to. */
  planPicker: ReactNode;
  /** Changes when another plan is chosen: the wizard starts over from the file. */
  planId: string | undefined;
  /** The chosen plan in words, kept in view once the picker is gone. */
  planLabel?: string;
  mutation: UseMutationResult<R, Error, ImportInput>;
  fileHint: string;
  renderReport: (report: R) => ReactNode;
  /** Links shown with the final result (e.g. to the plan). */
  renderDone?: (report: R) => ReactNode;
  testId: string;
}

const ACCEPT = ".xlsx,.csv";

/**
 * Plan → file → dry run → import. The real import is only offered after a dry run of the same file
 * found no errors, and carries its own idempotency key so a double click imports once.
 */
export function ImportWizard<R extends { errors: readonly unknown[] }>(props: ImportWizardProps<R>) {
  const { planPicker, planId, planLabel, mutation, fileHint, renderReport, renderDone, testId } = props;
  const m = useMessages();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<R | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [commitKey, setCommitKey] = useState<string>(newIdempotencyKey);
  const { reset } = mutation;

  useEffect(() => {
    setStep(planId ? 1 : 0);
    setFile(null);
    setPreview(null);
    setResult(null);
    reset();
  }, [planId, reset]);

  const check = async () => {
    if (!file) return;
    const report = await mutation.mutateAsync({ file, dryRun: true }).catch(() => null);
    if (!report) return;
    setPreview(report);
    setCommitKey(newIdempotencyKey());
    setStep(2);
  };

  const commit = async () => {
    if (!file) return;
    const report = await mutation.mutateAsync({ file, dryRun: false, idempotencyKey: commitKey }).catch(() => null);
    if (!report) return;
    setResult(report);
    setStep(3);
  };

  const startOver = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    mutation.reset();
    setStep(planId ? 1 : 0);
  };

  const errorCount = preview?.errors.length ?? 0;
  return (
    <div className="stack" data-testid={testId}>
      <Steps
        className="wizard-steps"
        size="small"
        current={step}
        items={[
          { title: m("import.stepPlan"), content: step > 1 ? planLabel : undefined },
          { title: m("import.stepFile") },
          { title: m("import.stepCheck") },
          { title: m("import.stepDone") },
        ]}
      />
      {step <= 1 && planPicker}
      {step === 1 && (
        <div>
          <Upload.Dragger
            accept={ACCEPT}
            maxCount={1}
            multiple={false}
            beforeUpload={(picked) => {
              setFile(picked);
              mutation.reset();
              return false; // the file is sent by the dry run, not on pick
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: "picked", name: file.name, status: "done" }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{m("import.pickFile")}</p>
            <p className="ant-upload-hint">{fileHint}</p>
          </Upload.Dragger>
          {mutation.error && <ProblemAlert error={mutation.error} />}
          <div className="wizard-actions">
            <Button type="primary" onClick={() => void check()} disabled={!file} loading={mutation.isPending}>
              {m("import.check")}
            </Button>
          </div>
        </div>
      )}
      {step === 2 && preview && (
        <div className="stack">
          <Alert
            type={errorCount > 0 ? "error" : "success"}
            showIcon
            title={errorCount > 0 ? m("import.hasErrors", { count: errorCount }) : m("import.noErrors")}
            description={errorCount > 0 ? m("import.fixAndRetry") : m("import.readyToCommit")}
          />
          {renderReport(preview)}
          {mutation.error && <ProblemAlert error={mutation.error} />}
          <div className="wizard-actions">
            <Button type="primary" onClick={() => void commit()} disabled={errorCount > 0} loading={mutation.isPending}>
              {m("import.commit")}
            </Button>
            <Button onClick={startOver}>{m("import.otherFile")}</Button>
          </div>
        </div>
      )}
      {step === 3 && result && (
        <div className="stack">
          <Alert type="success" showIcon title={m("import.done", { file: file?.name ?? "" })} />
          {renderReport(result)}
          <div className="wizard-actions">
            {renderDone?.(result)}
            <Button onClick={startOver}>{m("import.again")}</Button>
          </div>
        </div>
      )}
    </div>
  );
}
