// What the five-year forms share besides FormModal: the count inputs.
import { InputNumber } from 'antd';

/** A whole number of communities or households; Form.Item passes value and onChange. */
export function CountInput(props: {
  id: string;
  max?: number;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  return <InputNumber min={0} max={10_000_000} precision={0} style={{ width: 200 }} {...props} />;
}
