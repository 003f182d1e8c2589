import { SearchOutlined } from "@ant-design/icons";
import { Form, Input } from "antd";
import { useEffect, useRef, useState } from "react";

import { useSettledValue } from "../../hooks/use-settled-value";
import { useMessages } from "../../i18n";

export const SEARCH_DELAY_MS = 300;

interface SearchBoxProps {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}

/** Free text for `q`; the API ignores accents, so "chuyen doi so" finds "chuyển đổi số". Sent once typing pauses. */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const t = useMessages();
  const [text, setText] = useState(value ?? "");
  const sent = useRef(value ?? "");

  // the address changed without typing (cleared filters, a saved filter): show what is applied
  useEffect(() => {
    if ((value ?? "") !== sent.current) {
      sent.current = value ?? "";
      setText(value ?? "");
    }
  }, [value]);

  useSettledValue(text.trim(), SEARCH_DELAY_MS, (q) => {
    if (q === sent.current) return;
    sent.current = q;
    onSearch(q || undefined);
  });

  return (
    <Form.Item label={t("filter.search")} htmlFor="task-search">
      <Input
        id="task-search"
        enterKeyHint="search"
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t("filter.searchPlaceholder")}
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
      />
    </Form.Item>
  );
}
